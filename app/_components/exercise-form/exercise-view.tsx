import type { ReactNode } from 'react';
import { formatAnswer, isAnswers, isEmptyAnswer } from '@/lib/exercises/fields';
import type { ExerciseTemplate, FieldDef, ScalarField } from '@/lib/exercises/types';
import { FieldComments } from './field-comments';
import { fieldDomId, type CommentsByPath } from './types';

export interface ExerciseViewProps {
  template: ExerciseTemplate;
  answers: Readonly<Record<string, unknown>> | null | undefined;
  comments?: CommentsByPath;
  /**
   * Extra controls beside a field, e.g. the therapist's "comment on this answer" form. Called for every
   * top-level field, every row of a list ('emotions.1') and every answer in a row ('emotions.1.intensity').
   * Only usable where the view is rendered on the server or inside a client component (functions cannot
   * cross from a server component into a client one).
   */
  renderFieldExtras?: (path: string, label: string) => ReactNode;
  /** Paths to highlight as changed since the previous version. */
  changedPaths?: ReadonlySet<string>;
  /** Prefix for element ids, so two views on one page (a version comparison) stay unique. */
  idPrefix?: string;
}

/**
 * The read-only rendering of a submission for the client and their care team. Every answer is rendered
 * as a React text node, so anything the client typed (including markup) shows literally, never as HTML.
 */
export function ExerciseView({ template, answers, comments, renderFieldExtras, changedPaths, idPrefix = 'view' }: ExerciseViewProps) {
  const values = isAnswers(answers) ? answers : {};
  return (
    <div className="space-y-6" data-testid="exercise-view" data-template={template.key}>
      {template.sections.map((section) => (
        <section key={section.id} className="space-y-3">
          {section.heading ? <h2 className="border-b border-slate-200 pb-1 text-lg font-semibold text-slate-900">{section.heading}</h2> : null}
          <dl className="space-y-4">
            {section.fields.map((field) => (
              <ViewField
                key={field.id}
                field={field}
                value={values[field.id]}
                comments={comments}
                renderFieldExtras={renderFieldExtras}
                changedPaths={changedPaths}
                idPrefix={idPrefix}
              />
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function changedClass(changed: boolean | undefined): string {
  return changed ? 'rounded-md bg-amber-50 ring-1 ring-amber-300 px-2 -mx-2' : '';
}

function Answer({ field, value }: { field: ScalarField; value: unknown }) {
  if (isEmptyAnswer(value)) return <span className="italic text-slate-500">Not answered</span>;
  return <span className="whitespace-pre-wrap break-words">{formatAnswer(field, value)}</span>;
}

function ViewField({
  field,
  value,
  comments,
  renderFieldExtras,
  changedPaths,
  idPrefix,
}: {
  field: FieldDef;
  value: unknown;
  comments?: CommentsByPath;
  renderFieldExtras?: ExerciseViewProps['renderFieldExtras'];
  changedPaths?: ReadonlySet<string>;
  idPrefix: string;
}) {
  const anchor = fieldDomId(idPrefix, field.id);
  if (field.type !== 'repeating_group') {
    return (
      <div id={anchor} data-field={field.id} className={`scroll-mt-20 ${changedClass(changedPaths?.has(field.id))}`}>
        <dt className="text-sm font-medium text-slate-600">{field.label}</dt>
        <dd className="mt-0.5 text-base text-slate-900">
          <Answer field={field} value={value} />
          {changedPaths?.has(field.id) ? <span className="ml-2 text-xs font-semibold text-amber-800">Changed</span> : null}
          {/* Comments and their controls belong to the answer: inside a <dl> group only <dt> and <dd> may stand. */}
          <div className="text-sm">
            <FieldComments comments={comments?.[field.id]} />
            {renderFieldExtras?.(field.id, field.label)}
          </div>
        </dd>
      </div>
    );
  }
  const rows = Array.isArray(value) ? value.map((r) => (isAnswers(r) ? r : {})) : [];
  return (
    <div id={anchor} data-field={field.id} className="scroll-mt-20">
      <dt className="text-sm font-medium text-slate-600">{field.label}</dt>
      <dd className="mt-1">
        <FieldComments comments={comments?.[field.id]} />
        {renderFieldExtras?.(field.id, field.label)}
        {rows.length === 0 ? (
          <span className="italic text-slate-500">Nothing added</span>
        ) : (
          <ol className="mt-1 space-y-2">
            {rows.map((row, index) => {
              const rowPath = `${field.id}.${index}`;
              const rowLabel = `${field.itemLabel} ${index + 1}`;
              return (
                <li
                  key={index}
                  id={fieldDomId(idPrefix, rowPath)}
                  data-field={rowPath}
                  className={`rounded-lg border border-slate-200 bg-slate-50 p-3 ${changedPaths?.has(rowPath) ? 'ring-1 ring-amber-300' : ''}`}
                >
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{rowLabel}</p>
                  <FieldComments comments={comments?.[rowPath]} />
                  <dl className="mt-1 grid grid-cols-1 gap-2 sm:grid-cols-2">
                    {field.fields.map((sub) => {
                      const path = `${rowPath}.${sub.id}`;
                      return (
                        <div key={sub.id} data-field={path} className={changedClass(changedPaths?.has(path))}>
                          <dt className="text-xs font-medium text-slate-600">{sub.label}</dt>
                          <dd className="text-sm text-slate-900">
                            <Answer field={sub} value={row[sub.id]} />
                            <FieldComments comments={comments?.[path]} />
                            {renderFieldExtras?.(path, `${field.label} › ${rowLabel} › ${sub.label}`)}
                          </dd>
                        </div>
                      );
                    })}
                  </dl>
                </li>
              );
            })}
          </ol>
        )}
      </dd>
    </div>
  );
}
