'use client';

import { useId, useState } from 'react';
// From the modules themselves, not the '@/lib/exercises' barrel, which also holds the zod schemas and templates.
import { FORM_ERROR_KEY, initialAnswers as templateDefaults, isAnswers } from '@/lib/exercises/fields';
import { carryAlignedItems } from '@/lib/exercises/aligned';
import type { ExerciseAnswers, ExerciseTemplate } from '@/lib/exercises/types';
import { TopField } from './fields/field';
import { type Answers, type FieldErrors, without } from './fields/shared';
import { fieldDomId, type CommentsByPath } from './types';

export interface ExerciseFormProps {
  template: ExerciseTemplate;
  /** 'preview' shows the form exactly as the client sees it, but nothing is kept. */
  mode: 'preview' | 'fill';
  initialAnswers?: ExerciseAnswers | Readonly<Record<string, unknown>> | null;
  /** Keyed by dotted answer path, as `fieldErrors` in lib/exercises produces them. */
  fieldErrors?: FieldErrors;
  comments?: CommentsByPath;
  onChange?: (answers: ExerciseAnswers) => void;
  /** When set, the answers are also carried as JSON in a hidden input of this name, for a plain <form>. */
  name?: string;
  /** Hide the exercise's built-in instructions (when the page already shows them). */
  hideInstructions?: boolean;
  disabled?: boolean;
}

function startingAnswers(template: ExerciseTemplate, given: ExerciseFormProps['initialAnswers']): Answers {
  if (given && isAnswers(given)) return carryAlignedItems(template, structuredClone(given) as Answers);
  const answers: Answers = { ...templateDefaults(template) };
  // A required list starts with one empty row so the first entry is visible without an extra tap.
  for (const section of template.sections) {
    for (const field of section.fields) {
      if (field.type === 'repeating_group' && field.required) answers[field.id] = [{}];
    }
  }
  return answers;
}

/**
 * The one form renderer: draws any exercise template (built-in or custom) from its description.
 * Controlled: answers live in this component's state and are reported through `onChange`.
 */
export function ExerciseForm({
  template,
  mode,
  initialAnswers,
  fieldErrors,
  comments,
  onChange,
  name,
  hideInstructions,
  disabled,
}: ExerciseFormProps) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [answers, setAnswers] = useState<Answers>(() => startingAnswers(template, initialAnswers));

  const update = (changed: Answers) => {
    const next = carryAlignedItems(template, changed, answers);
    setAnswers(next);
    onChange?.(next as ExerciseAnswers);
  };
  const setTop = (id: string, value: unknown) => update(value === undefined ? without(answers, id) : { ...answers, [id]: value });

  const formErrors = fieldErrors?.[FORM_ERROR_KEY] ?? [];
  const problemPaths = Object.entries(fieldErrors ?? {}).filter(([path, list]) => path !== FORM_ERROR_KEY && list?.length);

  return (
    <div className="space-y-6" data-testid="exercise-form" data-template={template.key}>
      {mode === 'preview' ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          Preview: this is how the client will see this exercise. Nothing you enter here is saved.
        </p>
      ) : null}
      {!hideInstructions && template.instructions ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <p className="font-medium text-slate-900">How to do this{template.estimatedMinutes ? ` (about ${template.estimatedMinutes} minutes)` : ''}</p>
          <p className="mt-1 whitespace-pre-wrap">{template.instructions}</p>
        </div>
      ) : null}

      {formErrors.length || problemPaths.length ? (
        <div className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="exercise-form-errors">
          {formErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {problemPaths.length ? (
            <>
              <p className="font-medium">
                {problemPaths.length === 1 ? 'One answer needs attention:' : `${problemPaths.length} answers need attention:`}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {problemPaths.slice(0, 10).map(([path, list]) => (
                  <li key={path}>
                    <a className="underline" href={`#${fieldDomId(prefix, path)}`}>
                      {labelForPath(template, path)}
                    </a>
                    : {list?.[0]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {template.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.heading ? fieldDomId(prefix, `section-${section.id}`) : undefined} className="space-y-5">
          {section.heading ? (
            <h2 id={fieldDomId(prefix, `section-${section.id}`)} className="border-b border-slate-200 pb-1 text-lg font-semibold text-slate-900">
              {section.heading}
            </h2>
          ) : null}
          {section.intro ? <p className="text-sm text-slate-600">{section.intro}</p> : null}
          {section.fields.map((field) => (
            <TopField
              key={field.id}
              field={field}
              value={answers[field.id]}
              onValue={(v) => setTop(field.id, v)}
              prefix={prefix}
              fieldErrors={fieldErrors}
              comments={comments}
              disabled={disabled}
            />
          ))}
        </section>
      ))}

      {name ? <input type="hidden" name={name} value={JSON.stringify(answers)} /> : null}
    </div>
  );
}

/** 'emotions.1.intensity' → 'What did you feel…? › Emotion 2 › How strong', for the error summary. */
function labelForPath(template: ExerciseTemplate, path: string): string {
  const [head, index, sub] = path.split('.');
  const field = template.sections.flatMap((s) => s.fields).find((f) => f.id === head);
  if (!field) return path;
  if (field.type !== 'repeating_group' || index === undefined) return field.label;
  const row = `${field.itemLabel} ${Number(index) + 1}`;
  const subField = field.fields.find((f) => f.id === sub);
  return subField ? `${field.label} › ${row} › ${subField.label}` : `${field.label} › ${row}`;
}

