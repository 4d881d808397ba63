'use client';

export type RecurrenceKind = 'once' | 'daily' | 'weekly' | 'every_n_days';
export type EndKind = 'stopped' | 'count' | 'until';

/** What the person chose, as typed (numbers stay text until sent, so nothing they type is lost). */
export type RecurrenceChoice = { kind: RecurrenceKind; n: string; endKind: EndKind; count: string; until: string };

/** A repeating assignment runs until stopped unless the therapist gives it an end. */
export const DEFAULT_RECURRENCE: RecurrenceChoice = { kind: 'once', n: '2', endKind: 'stopped', count: '4', until: '' };

/** The rule sent to the server (lib/assignments/recurrence.ts). */
export function recurrenceRule(c: RecurrenceChoice) {
  if (c.kind === 'once') return { kind: c.kind };
  const end = c.endKind === 'stopped' ? { untilStopped: true } : c.endKind === 'count' ? { count: Number(c.count) } : { until: c.until };
  return { kind: c.kind, ...(c.kind === 'every_n_days' ? { n: Number(c.n) } : {}), end };
}

const KINDS = [
  ['once', 'Once'],
  ['daily', 'Daily'],
  ['weekly', 'Weekly'],
  ['every_n_days', 'Every N days'],
] as const;

/** The "Repeat" group of the assign form: how often, and until when. Its errors sit under the group. */
export function RecurrenceFields({
  value,
  onChange,
  errors,
  idPrefix,
  inputClass,
}: {
  value: RecurrenceChoice;
  onChange: (next: RecurrenceChoice) => void;
  errors: string[];
  idPrefix: string;
  inputClass: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (patch: Partial<RecurrenceChoice>) => onChange({ ...value, ...patch });
  const errorId = `${id('recurrence')}-error`;
  return (
    <fieldset className="space-y-3" aria-describedby={errors.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">Repeat</legend>
      <div className="flex flex-wrap gap-3">
        {KINDS.map(([kind, label]) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="radio" name={id('kind')} checked={value.kind === kind} onChange={() => set({ kind })} />
            {label}
          </label>
        ))}
      </div>
      {value.kind === 'every_n_days' ? (
        <div className="max-w-40 space-y-1">
          <label htmlFor={id('n')} className="block text-sm font-medium text-slate-800">
            Every how many days
          </label>
          <input id={id('n')} type="number" min={1} max={365} value={value.n} onChange={(e) => set({ n: e.target.value })} className={inputClass} />
        </div>
      ) : null}
      {value.kind !== 'once' ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Ends</legend>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name={id('end')} checked={value.endKind === 'stopped'} onChange={() => set({ endKind: 'stopped' })} />
              Until stopped
            </label>
            <span className="flex items-center gap-2">
              <label className="flex items-center gap-2">
                <input type="radio" name={id('end')} checked={value.endKind === 'count'} onChange={() => set({ endKind: 'count' })} />
                After
              </label>
              <label htmlFor={id('count')} className="sr-only">
                Number of times
              </label>
              {/* Typing a number or a date chooses that ending: the field is never a dead end. */}
              <input
                id={id('count')}
                type="number"
                min={1}
                max={365}
                value={value.count}
                onFocus={() => set({ endKind: 'count' })}
                onChange={(e) => set({ count: e.target.value, endKind: 'count' })}
                className={`${inputClass} w-24`}
              />
              <span>times</span>
            </span>
            <span className="flex items-center gap-2">
              <label className="flex items-center gap-2">
                <input type="radio" name={id('end')} checked={value.endKind === 'until'} onChange={() => set({ endKind: 'until' })} />
                On
              </label>
              <label htmlFor={id('until')} className="sr-only">
                End date
              </label>
              <input
                id={id('until')}
                type="date"
                value={value.until}
                onFocus={() => set({ endKind: 'until' })}
                onChange={(e) => set({ until: e.target.value, endKind: 'until' })}
                className={`${inputClass} w-auto`}
              />
            </span>
          </div>
        </fieldset>
      ) : null}
      {errors.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {[...new Set(errors)].join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
