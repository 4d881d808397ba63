'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState, useEffect, useId, useState } from 'react';

import { assignHomework } from '@/lib/assignments/actions';
import { Button, buttonClass } from '@/app/_components/design/button';
import { checkClass } from '@/app/_components/design/checkbox';
import { compactInputClass, inputClass } from '@/app/_components/design/input-class';

export type AssignOptions = {
  exercises: { key: string; title: string }[];
  measures: { key: string; title: string }[];
  prompts: { value: string; label: string }[];
  journalingKey: string;
  today: string;
  timeZone: string;
};

type RecurrenceKind = 'once' | 'daily' | 'weekly' | 'every_n_days';

/**
 * Assigns one exercise or measure to every selected client at once, through the assignments domain's own
 * action (all or nothing, audited per client). The fields are controlled, so nothing typed is lost when the
 * server refuses; each error shows beside its field.
 */
export function BulkAssignPanel({
  clientIds,
  clientNames,
  options,
  onDone,
  onClose,
}: {
  clientIds: string[];
  clientNames: string[];
  options: AssignOptions;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [state, dispatch, pending] = useActionState(assignHomework, null);
  const id = useId();
  const [kind, setKind] = useState<'exercise' | 'measure'>('exercise');
  const [templateKey, setTemplateKey] = useState(options.exercises[0]?.key ?? '');
  const [promptChoice, setPromptChoice] = useState('');
  const [instructions, setInstructions] = useState('');
  const [startDate, setStartDate] = useState(options.today);
  const [dueTime, setDueTime] = useState('20:00');
  const [recurrence, setRecurrence] = useState<RecurrenceKind>('once');
  const [everyDays, setEveryDays] = useState('3');
  const [endKind, setEndKind] = useState<'count' | 'until'>('count');
  const [count, setCount] = useState('4');
  const [until, setUntil] = useState('');

  useEffect(() => {
    if (state?.ok) onDone(`Homework assigned to ${state.data.clientCount} client${state.data.clientCount === 1 ? '' : 's'}.`);
    // onDone changes identity each render; react to a new result only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const errors = state && !state.ok ? state.fieldErrors : {};
  const errorFor = (...prefixes: string[]) =>
    Object.entries(errors)
      .filter(([key]) => prefixes.some((p) => key === p || key.startsWith(`${p}.`)))
      .flatMap(([, messages]) => messages);

  const choices = kind === 'exercise' ? options.exercises : options.measures;
  const isJournaling = kind === 'exercise' && templateKey === options.journalingKey;

  const submit = () => {
    const end = endKind === 'count' ? { count: Number(count) } : { until };
    const rule =
      recurrence === 'once'
        ? { kind: 'once' as const }
        : recurrence === 'every_n_days'
          ? { kind: recurrence, n: Number(everyDays), end }
          : { kind: recurrence, end };
    dispatch({
      clientIds,
      kind,
      templateKey,
      ...(isJournaling && promptChoice ? { promptChoice } : {}),
      ...(instructions.trim() ? { instructions } : {}),
      startDate,
      dueTime,
      recurrence: rule,
    });
  };

  const field = `mt-1 ${inputClass}`;
  const errorText = (keys: string[], fid: string) => {
    const list = errorFor(...keys);
    return list.length ? (
      <p id={fid} className="mt-1 text-sm text-red-700">
        {list.join(' ')}
      </p>
    ) : null;
  };
  const invalid = (...keys: string[]) => (errorFor(...keys).length ? true : undefined);

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex items-start justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            Assign homework to {clientIds.length} client{clientIds.length === 1 ? '' : 's'}
          </h2>
          <p className="text-sm text-slate-600">{clientNames.join(', ')}</p>
        </div>
        <button type="button" onClick={onClose} className={buttonClass('quiet')}>
          Close
        </button>
      </div>
      <form
        action={submit}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        noValidate
      >
        <div className="sm:col-span-2">
          <FormOutcome state={state && !state.ok ? state : null} />
        </div>
        {errorText(['clientIds'], `${id}-clients-error`)}
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">What to assign</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {(['exercise', 'measure'] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  className={checkClass}
                  onChange={() => {
                    setKind(k);
                    setTemplateKey((k === 'exercise' ? options.exercises : options.measures)[0]?.key ?? '');
                  }}
                />
                {k === 'exercise' ? 'An exercise' : 'A measure'}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="text-sm font-medium text-slate-800">
          {kind === 'exercise' ? 'Exercise' : 'Measure'}
          <select
            className={field}
            value={templateKey}
            onChange={(e) => setTemplateKey(e.target.value)}
            aria-invalid={invalid('templateKey', 'templateVersion')}
            aria-describedby={`${id}-template-error`}
          >
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.title}
              </option>
            ))}
          </select>
          {errorText(['templateKey', 'templateVersion', 'kind'], `${id}-template-error`)}
        </label>
        {isJournaling ? (
          <label className="text-sm font-medium text-slate-800">
            Prompt
            <select
              className={field}
              value={promptChoice}
              onChange={(e) => setPromptChoice(e.target.value)}
              aria-invalid={invalid('promptChoice')}
              aria-describedby={`${id}-prompt-error`}
            >
              <option value="">Let the client choose</option>
              {options.prompts.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
            {errorText(['promptChoice'], `${id}-prompt-error`)}
          </label>
        ) : (
          <div />
        )}
        <label className="text-sm font-medium text-slate-800 sm:col-span-2">
          Instructions (optional)
          <textarea
            className={field}
            rows={2}
            maxLength={2000}
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
            aria-invalid={invalid('instructions')}
            aria-describedby={`${id}-instructions-error`}
          />
          {errorText(['instructions'], `${id}-instructions-error`)}
        </label>
        <label className="text-sm font-medium text-slate-800">
          Start date
          <input
            type="date"
            className={field}
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            aria-invalid={invalid('startDate')}
            aria-describedby={`${id}-start-error`}
          />
          {errorText(['startDate'], `${id}-start-error`)}
        </label>
        <label className="text-sm font-medium text-slate-800">
          Due time ({options.timeZone.replace(/_/g, ' ')})
          <input
            type="time"
            className={field}
            value={dueTime}
            onChange={(e) => setDueTime(e.target.value)}
            aria-invalid={invalid('dueTime')}
            aria-describedby={`${id}-time-error`}
          />
          {errorText(['dueTime'], `${id}-time-error`)}
        </label>
        <label className="text-sm font-medium text-slate-800">
          Repeats
          <select className={field} value={recurrence} onChange={(e) => setRecurrence(e.target.value as RecurrenceKind)}>
            <option value="once">Once</option>
            <option value="daily">Every day</option>
            <option value="weekly">Every week</option>
            <option value="every_n_days">Every few days</option>
          </select>
        </label>
        {recurrence === 'every_n_days' ? (
          <label className="text-sm font-medium text-slate-800">
            Every how many days
            <input
              type="number"
              min={1}
              max={365}
              inputMode="numeric"
              className={field}
              value={everyDays}
              onChange={(e) => setEveryDays(e.target.value)}
              aria-invalid={invalid('recurrence.n')}
              aria-describedby={`${id}-n-error`}
            />
            {errorText(['recurrence.n'], `${id}-n-error`)}
          </label>
        ) : (
          <div />
        )}
        {recurrence !== 'once' ? (
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">Ends</legend>
            <div className="mt-1 flex flex-wrap items-center gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="end" checked={endKind === 'count'} onChange={() => setEndKind('count')} className={checkClass} />
                After
                <input
                  type="number"
                  min={1}
                  max={365}
                  aria-label="Number of times"
                  className={`${compactInputClass} w-20`}
                  value={count}
                  onChange={(e) => {
                    setEndKind('count');
                    setCount(e.target.value);
                  }}
                />
                times
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="end" checked={endKind === 'until'} onChange={() => setEndKind('until')} className={checkClass} />
                On
                <input
                  type="date"
                  aria-label="End date"
                  className={compactInputClass}
                  value={until}
                  onChange={(e) => {
                    setEndKind('until');
                    setUntil(e.target.value);
                  }}
                />
              </label>
            </div>
            {errorText(['recurrence'], `${id}-end-error`)}
          </fieldset>
        ) : (
          errorText(['recurrence'], `${id}-end-error`)
        )}
        <div className="sm:col-span-2">
          <Button type="submit" pending={pending}>
            {pending ? 'Assigning…' : `Assign to ${clientIds.length} client${clientIds.length === 1 ? '' : 's'}`}
          </Button>
        </div>
      </form>
    </section>
  );
}
