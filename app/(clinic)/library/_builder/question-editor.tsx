'use client';

import { useState } from 'react';
import { KIND_LABELS, SUB_KINDS, blank, errorsUnder, type Kind, type NewUid, type Question } from './question-model';
import { buttonClass } from '@/app/_components/design/button';

// The design system's field, re-exported for the builder's other parts.
export { inputClass } from '@/app/_components/design/input';
import { inputClass } from '@/app/_components/design/input-class';

function QuestionEditor({
  q,
  path,
  number,
  kinds,
  errors,
  onChange,
  newUid,
}: {
  q: Question;
  path: string;
  number: string;
  kinds: Kind[];
  errors?: Record<string, string[]>;
  onChange: (q: Question) => void;
  newUid: NewUid;
}) {
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const id = (name: string) => `${q.uid}-${name}`;
  const problems = errorsUnder(errors, path).filter((m) => q.type !== 'repeating_group' || !errorsUnder(errors, `${path}.fields`).includes(m));
  const isSection = q.type === 'section';
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
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
              set({ type, fields: type === 'repeating_group' && !q.fields.length ? [blank('short_text', newUid)] : q.fields });
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
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
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
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
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
            newUid={newUid}
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

export function QuestionList({
  questions,
  kinds,
  path,
  numberPrefix,
  errors,
  onChange,
  addLabel,
  newUid,
}: {
  questions: Question[];
  kinds: Kind[];
  path: string;
  numberPrefix: string;
  errors?: Record<string, string[]>;
  onChange: (qs: Question[]) => void;
  addLabel: string;
  newUid: NewUid;
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
              newUid={newUid}
            />
            <div className="mt-3 flex gap-3 text-sm">
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} className={buttonClass('quiet')}>
                Move up<span className="sr-only"> {numberPrefix}{i + 1}</span>
              </button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === questions.length - 1} className={buttonClass('quiet')}>
                Move down<span className="sr-only"> {numberPrefix}{i + 1}</span>
              </button>
              <button type="button" onClick={() => onChange(questions.filter((x) => x.uid !== q.uid))} className={buttonClass('quiet')}>
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
          onClick={() => onChange([...questions, blank(newKind, newUid)])}
          className={buttonClass('secondary')}
        >
          {addLabel}
        </button>
      </div>
    </div>
  );
}
