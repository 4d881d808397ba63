'use client';

import { useActionState, useState } from 'react';
import { ExerciseForm } from '@/app/_components/exercise-form/exercise-form';
import { FormMessage, SubmitButton, type FormState } from '@/app/_components/form';
import { THEME_LABELS } from '@/lib/exercises/catalog';
import { createCustomExercise, updateCustomExercise } from '@/lib/exercises/actions';
import { buildCustomTemplate, customTemplateInput, type CustomTemplateInput } from '@/lib/exercises/custom';
import { EXERCISE_THEMES, type ExerciseTheme } from '@/lib/exercises/types';

type Kind =
  | 'short_text'
  | 'long_text'
  | 'scale_0_10'
  | 'scale_0_100'
  | 'single_choice'
  | 'multiple_choice'
  | 'yes_no'
  | 'repeating_group'
  | 'section';

const KIND_LABELS: Record<Kind, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  scale_0_10: 'Scale 0–10',
  scale_0_100: 'Scale 0–100',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  yes_no: 'Yes / no',
  repeating_group: 'Repeating group',
  section: 'Section heading',
};
const TOP_KINDS: Kind[] = ['short_text', 'long_text', 'scale_0_10', 'scale_0_100', 'single_choice', 'multiple_choice', 'yes_no', 'repeating_group', 'section'];
const SUB_KINDS: Kind[] = ['short_text', 'long_text', 'scale_0_10', 'scale_0_100', 'single_choice', 'multiple_choice', 'yes_no'];

type Option = { label: string; value?: string };

interface Question {
  uid: string;
  type: Kind;
  label: string;
  help: string;
  required: boolean;
  optionsText: string;
  /** Stored options, so an edited list keeps the values past answers used. */
  knownOptions: Option[];
  minLabel: string;
  maxLabel: string;
  itemLabel: string;
  maxItems: string;
  fields: Question[];
  /** Properties this builder does not edit (stable id, lengths, steps), carried through unchanged. */
  rest: Record<string, unknown>;
}

type Item = CustomTemplateInput['fields'][number];

let counter = 0;
const nextUid = () => `q${(counter += 1)}`;

function blank(type: Kind): Question {
  return {
    uid: nextUid(),
    type,
    label: '',
    help: '',
    required: false,
    optionsText: '',
    knownOptions: [],
    minLabel: '',
    maxLabel: '',
    itemLabel: '',
    maxItems: '10',
    fields: type === 'repeating_group' ? [blank('short_text')] : [],
    rest: {},
  };
}

function fromItem(item: Item): Question {
  const q = blank(item.type as Kind);
  if (item.type === 'section') return { ...q, label: item.heading, help: item.intro ?? '' };
  const { label, help, required, type: _type, ...rest } = item as Record<string, unknown> & { label: string; help?: string; required?: boolean; type: string };
  const r = { ...rest };
  const options = Array.isArray(r.options) ? (r.options as (string | Option)[]).map((o) => (typeof o === 'string' ? { label: o } : o)) : [];
  for (const k of ['options', 'minLabel', 'maxLabel', 'itemLabel', 'maxItems', 'fields']) delete r[k];
  return {
    ...q,
    label,
    help: help ?? '',
    required: required ?? false,
    optionsText: options.map((o) => o.label).join('\n'),
    knownOptions: options,
    minLabel: typeof rest.minLabel === 'string' ? rest.minLabel : '',
    maxLabel: typeof rest.maxLabel === 'string' ? rest.maxLabel : '',
    itemLabel: typeof rest.itemLabel === 'string' ? rest.itemLabel : '',
    maxItems: rest.maxItems !== undefined ? String(rest.maxItems) : '10',
    fields: Array.isArray(rest.fields) ? (rest.fields as Item[]).map(fromItem) : [],
    rest: r,
  };
}

function toItem(q: Question): Record<string, unknown> {
  if (q.type === 'section') return { type: 'section', heading: q.label, ...(q.help.trim() ? { intro: q.help } : {}) };
  const item: Record<string, unknown> = { ...q.rest, type: q.type, label: q.label, required: q.required };
  if (q.help.trim()) item.help = q.help;
  if (q.type === 'single_choice' || q.type === 'multiple_choice') {
    item.options = q.optionsText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((label) => {
        const known = q.knownOptions.find((o) => o.label === label && o.value);
        return known ? { label, value: known.value } : label;
      });
  }
  if (q.type === 'scale_0_10' || q.type === 'scale_0_100') {
    if (q.minLabel.trim()) item.minLabel = q.minLabel;
    if (q.maxLabel.trim()) item.maxLabel = q.maxLabel;
  }
  if (q.type === 'repeating_group') {
    item.itemLabel = q.itemLabel;
    item.maxItems = Number(q.maxItems);
    item.fields = q.fields.map(toItem);
  }
  // Properties that belong to another type are dropped when the type changes.
  if (q.type !== 'short_text' && q.type !== 'long_text') delete item.maxLength;
  if (q.type !== 'scale_0_100') delete item.step;
  if (q.type !== 'multiple_choice') {
    delete item.minSelected;
    delete item.maxSelected;
  }
  if (q.type !== 'repeating_group') delete item.minItems;
  return item;
}

const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid]:border-red-600';

function errorsUnder(errors: Record<string, string[]> | undefined, prefix: string): string[] {
  if (!errors) return [];
  const out: string[] = [];
  for (const [key, list] of Object.entries(errors)) {
    if (key === prefix || key.startsWith(`${prefix}.`)) out.push(...list);
  }
  return [...new Set(out)];
}

function QuestionEditor({
  q,
  path,
  number,
  kinds,
  errors,
  onChange,
}: {
  q: Question;
  path: string;
  number: string;
  kinds: Kind[];
  errors?: Record<string, string[]>;
  onChange: (q: Question) => void;
}) {
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const id = (name: string) => `${q.uid}-${name}`;
  const problems = errorsUnder(errors, path).filter((m) => q.type !== 'repeating_group' || !errorsUnder(errors, `${path}.fields`).includes(m));
  const isSection = q.type === 'section';
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-1">
          <label htmlFor={id('label')} className="block text-sm font-medium text-slate-800">
            {isSection ? `Heading ${number}` : `Question ${number}`}
          </label>
          <input
            id={id('label')}
            value={q.label}
            maxLength={200}
            onChange={(e) => set({ label: e.target.value })}
            className={inputClass}
            aria-invalid={problems.length ? true : undefined}
            aria-describedby={problems.length ? id('errors') : undefined}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={id('type')} className="block text-sm font-medium text-slate-800">
            Type of {isSection ? 'part' : `question ${number}`}
          </label>
          <select
            id={id('type')}
            value={q.type}
            onChange={(e) => {
              const type = e.target.value as Kind;
              set({ type, fields: type === 'repeating_group' && !q.fields.length ? [blank('short_text')] : q.fields });
            }}
            className={inputClass}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={id('help')} className="block text-sm text-slate-700">
          {isSection ? 'Introduction (optional)' : 'Help text (optional)'}
        </label>
        <input id={id('help')} value={q.help} maxLength={500} onChange={(e) => set({ help: e.target.value })} className={inputClass} />
      </div>
      {q.type === 'single_choice' || q.type === 'multiple_choice' ? (
        <div className="space-y-1">
          <label htmlFor={id('options')} className="block text-sm text-slate-700">
            Options, one per line
          </label>
          <textarea id={id('options')} rows={3} value={q.optionsText} onChange={(e) => set({ optionsText: e.target.value })} className={inputClass} />
        </div>
      ) : null}
      {q.type === 'scale_0_10' || q.type === 'scale_0_100' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={id('min')} className="block text-sm text-slate-700">
              Label at 0 (optional)
            </label>
            <input id={id('min')} value={q.minLabel} maxLength={60} onChange={(e) => set({ minLabel: e.target.value })} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor={id('max')} className="block text-sm text-slate-700">
              Label at {q.type === 'scale_0_10' ? 10 : 100} (optional)
            </label>
            <input id={id('max')} value={q.maxLabel} maxLength={60} onChange={(e) => set({ maxLabel: e.target.value })} className={inputClass} />
          </div>
        </div>
      ) : null}
      {q.type === 'repeating_group' ? (
        <div className="space-y-3 rounded-lg border border-dashed border-slate-300 p-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <label htmlFor={id('item')} className="block text-sm text-slate-700">
                Name for one entry (e.g. “Person”)
              </label>
              <input id={id('item')} value={q.itemLabel} maxLength={60} onChange={(e) => set({ itemLabel: e.target.value })} className={inputClass} />
            </div>
            <div className="space-y-1">
              <label htmlFor={id('maxItems')} className="block text-sm text-slate-700">
                At most how many entries
              </label>
              <input id={id('maxItems')} type="number" min={1} max={50} value={q.maxItems} onChange={(e) => set({ maxItems: e.target.value })} className={inputClass} />
            </div>
          </div>
          <QuestionList
            questions={q.fields}
            kinds={SUB_KINDS}
            path={`${path}.fields`}
            numberPrefix={`${number}.`}
            errors={errors}
            onChange={(fields) => set({ fields })}
            addLabel="Add a question to each entry"
          />
        </div>
      ) : null}
      {!isSection ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={q.required} onChange={(e) => set({ required: e.target.checked })} /> Required
        </label>
      ) : null}
      {problems.length ? (
        <p id={id('errors')} className="text-sm text-red-700">
          {problems.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function QuestionList({
  questions,
  kinds,
  path,
  numberPrefix,
  errors,
  onChange,
  addLabel,
}: {
  questions: Question[];
  kinds: Kind[];
  path: string;
  numberPrefix: string;
  errors?: Record<string, string[]>;
  onChange: (qs: Question[]) => void;
  addLabel: string;
}) {
  const [newKind, setNewKind] = useState<Kind>(kinds[0] ?? 'short_text');
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= questions.length) return;
    const next = [...questions];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const listErrors = errors?.[path] ?? [];
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {questions.map((q, i) => (
          <li key={q.uid} className="rounded-lg border border-slate-200 bg-white p-3">
            <QuestionEditor
              q={q}
              path={`${path}.${i}`}
              number={`${numberPrefix}${i + 1}`}
              kinds={kinds}
              errors={errors}
              onChange={(updated) => onChange(questions.map((x) => (x.uid === q.uid ? updated : x)))}
            />
            <div className="mt-3 flex gap-3 text-sm">
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} className="underline disabled:opacity-40">
                Move up<span className="sr-only"> {numberPrefix}{i + 1}</span>
              </button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === questions.length - 1} className="underline disabled:opacity-40">
                Move down<span className="sr-only"> {numberPrefix}{i + 1}</span>
              </button>
              <button type="button" onClick={() => onChange(questions.filter((x) => x.uid !== q.uid))} className="text-red-700 underline">
                Remove<span className="sr-only"> {numberPrefix}{i + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      {listErrors.length ? <p className="text-sm text-red-700">{listErrors.join(' ')}</p> : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={`${path}-new`} className="block text-sm text-slate-700">
            New question type
          </label>
          <select id={`${path}-new`} value={newKind} onChange={(e) => setNewKind(e.target.value as Kind)} className={inputClass}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => onChange([...questions, blank(newKind)])}
          className="min-h-11 rounded-lg border border-brand-700 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          {addLabel}
        </button>
      </div>
    </div>
  );
}

/** The custom exercise builder: questions of the allowed types, added, removed and reordered, with a live preview. */
export function ExerciseBuilder({ existing }: { existing?: { key: string; input: CustomTemplateInput } }) {
  const [state, formAction] = useActionState(existing ? updateCustomExercise : createCustomExercise, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const start = existing?.input;
  const [title, setTitle] = useState(start?.title ?? '');
  const [summary, setSummary] = useState(start?.summary ?? '');
  const [instructions, setInstructions] = useState(start?.instructions ?? '');
  const [themes, setThemes] = useState<ExerciseTheme[]>((start?.themes as ExerciseTheme[] | undefined) ?? []);
  const [questions, setQuestions] = useState<Question[]>(() => (start?.fields ?? []).map(fromItem));
  const [share, setShare] = useState(false);

  const definition = {
    title,
    summary,
    instructions,
    themes: themes.length ? themes : ['other'],
    fields: questions.map(toItem),
  };
  // Parsed on every render: the builder's own schema decides whether a preview can be drawn.
  const parsed = customTemplateInput.safeParse(definition);
  const preview = parsed.success ? buildCustomTemplate(parsed.data, { key: existing?.key ?? 'preview', version: 1 }) : null;
  const payload = existing ? { key: existing.key, definition } : { definition, share };
  const top = (name: string) => errors?.[`definition.${name}`];

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={formAction} className="space-y-5" aria-label={existing ? 'Edit exercise' : 'New exercise'} noValidate>
        <FormMessage state={state as FormState} />
        <input type="hidden" name="__json" value={JSON.stringify(payload)} />
        <div className="space-y-1">
          <label htmlFor="builder-title" className="block text-sm font-medium text-slate-800">
            Title
          </label>
          <input
            id="builder-title"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
            className={inputClass}
            aria-invalid={top('title') ? true : undefined}
            aria-describedby={top('title') ? 'builder-title-error' : undefined}
          />
          {top('title') ? (
            <p id="builder-title-error" className="text-sm text-red-700">
              {top('title')!.join(' ')}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="builder-summary" className="block text-sm font-medium text-slate-800">
            Summary <span className="font-normal text-slate-600">(one line for the library)</span>
          </label>
          <input id="builder-summary" value={summary} maxLength={300} onChange={(e) => setSummary(e.target.value)} className={inputClass} />
          {top('summary') ? <p className="text-sm text-red-700">{top('summary')!.join(' ')}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="builder-instructions" className="block text-sm font-medium text-slate-800">
            Instructions for the client
          </label>
          <textarea
            id="builder-instructions"
            rows={3}
            maxLength={5000}
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
            className={inputClass}
          />
          {top('instructions') ? <p className="text-sm text-red-700">{top('instructions')!.join(' ')}</p> : null}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Themes</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {EXERCISE_THEMES.map((t) => (
              <label key={t} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={themes.includes(t)}
                  onChange={(e) => setThemes((list) => (e.target.checked ? [...list, t] : list.filter((x) => x !== t)))}
                />
                {THEME_LABELS[t]}
              </label>
            ))}
          </div>
        </fieldset>
        <section aria-labelledby="builder-questions">
          <h2 id="builder-questions" className="mb-2 text-base font-semibold text-slate-900">
            Questions
          </h2>
          <QuestionList
            questions={questions}
            kinds={TOP_KINDS}
            path="definition.fields"
            numberPrefix=""
            errors={errors}
            onChange={setQuestions}
            addLabel="Add question"
          />
        </section>
        {!existing ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
            Share with the practice (colleagues can preview and assign it)
          </label>
        ) : (
          <p className="text-sm text-slate-600">Saving makes a new version. Homework already done keeps the version it was made with.</p>
        )}
        <SubmitButton pendingLabel="Saving…">{existing ? 'Save new version' : 'Create exercise'}</SubmitButton>
      </form>
      <section aria-label="Preview" className="rounded-xl border border-slate-200 bg-slate-50 p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">Preview</h2>
        {preview ? (
          <div className="mx-auto max-w-md">
            <h3 className="mb-2 text-lg font-semibold text-slate-900">{preview.title}</h3>
            <ExerciseForm key={JSON.stringify(preview)} template={preview} mode="preview" />
          </div>
        ) : (
          <p className="text-sm text-slate-700">The preview appears once the exercise has a title and every question has its label (and a choice, at least two options).</p>
        )}
      </section>
    </div>
  );
}
