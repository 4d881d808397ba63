'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useId, useState } from 'react';
import { FormMessage, SubmitButton, type FormState } from '@/app/_components/form';
import { assignHomework } from '@/lib/assignments/actions';
import { JOURNALING_PROMPTS } from '@/lib/exercises/journaling-prompts';

export type AssignableItem = { kind: 'exercise' | 'measure'; key: string; title: string };
export type AssignableClient = { id: string; name: string };

type RecurrenceKind = 'once' | 'daily' | 'weekly' | 'every_n_days';
type EndKind = 'count' | 'until';

const JOURNALING_KEY = 'journaling_prompt';

const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-600 aria-[invalid]:border-red-600';

function ErrorText({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(' ')}
    </p>
  );
}

/**
 * Assigns an exercise or a measure to one client (from the client page) or to several (from the library).
 * Every field is controlled, so nothing typed is lost when the server refuses the request.
 */
export function AssignForm({
  clients,
  items,
  fixedClient,
  fixedItem,
  defaults,
}: {
  /** Choices when assigning to several clients (the actor's care team). */
  clients?: AssignableClient[];
  /** Choices of what to assign, when not fixed. */
  items?: AssignableItem[];
  fixedClient?: AssignableClient;
  fixedItem?: AssignableItem;
  defaults: { startDate: string; dueTime: string };
}) {
  const [state, formAction] = useActionState(assignHomework, null);
  const router = useRouter();
  // The new assignment shows in the list the page renders on the server.
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const form = state as FormState;
  const errors = (key: string) => (state && !state.ok ? state.fieldErrors[key] : undefined);
  const uid = useId().replace(/:/g, '');

  const [chosenClients, setChosenClients] = useState<string[]>(fixedClient ? [fixedClient.id] : []);
  const [item, setItem] = useState<string>(fixedItem ? `${fixedItem.kind}:${fixedItem.key}` : '');
  const [instructions, setInstructions] = useState('');
  const [promptChoice, setPromptChoice] = useState('');
  const [ownPrompt, setOwnPrompt] = useState('');
  const [startDate, setStartDate] = useState(defaults.startDate);
  const [dueTime, setDueTime] = useState(defaults.dueTime);
  const [kind, setKind] = useState<RecurrenceKind>('once');
  const [n, setN] = useState('2');
  const [endKind, setEndKind] = useState<EndKind>('count');
  const [count, setCount] = useState('4');
  const [until, setUntil] = useState('');

  const [itemKind, itemKey] = item ? (item.split(':') as ['exercise' | 'measure', string]) : ['', ''];
  const isJournaling = itemKind === 'exercise' && itemKey === JOURNALING_KEY;
  const recurrence =
    kind === 'once'
      ? { kind }
      : {
          kind,
          ...(kind === 'every_n_days' ? { n: Number(n) } : {}),
          end: endKind === 'count' ? { count: Number(count) } : { until },
        };
  const sentPrompt = !isJournaling ? '' : promptChoice === 'own' ? ownPrompt : promptChoice;

  const recurrenceErrors = [
    ...(errors('recurrence') ?? []),
    ...(errors('recurrence.kind') ?? []),
    ...(errors('recurrence.end') ?? []),
    ...(errors('recurrence.end.until') ?? []),
    ...(errors('recurrence.end.count') ?? []),
    ...(errors('recurrence.n') ?? []),
  ];
  const id = (name: string) => `${uid}-${name}`;
  const described = (name: string, has: boolean) => (has ? `${id(name)}-error` : undefined);

  return (
    <form action={formAction} className="space-y-4" aria-label="Assign homework" noValidate>
      <FormMessage state={form} />
      <input type="hidden" name="__json" value={JSON.stringify({ recurrence, clientIds: chosenClients })} />
      <input type="hidden" name="kind" value={itemKind} />
      <input type="hidden" name="templateKey" value={itemKey} />
      <input type="hidden" name="promptChoice" value={sentPrompt} />

      {fixedClient ? (
        <p className="text-sm text-slate-700">
          For <span className="font-medium text-slate-900">{fixedClient.name}</span>
        </p>
      ) : (
        <fieldset className="space-y-2" aria-describedby={described('clientIds', !!errors('clientIds'))}>
          <legend className="text-sm font-medium text-slate-800">Clients</legend>
          {clients?.length ? (
            <>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={chosenClients.length === clients.length}
                  onChange={(e) => setChosenClients(e.target.checked ? clients.map((c) => c.id) : [])}
                />
                All my clients ({clients.length})
              </label>
              <div className="grid max-h-56 gap-1 overflow-y-auto rounded-lg border border-slate-200 p-2 sm:grid-cols-2">
                {clients.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={chosenClients.includes(c.id)}
                      onChange={(e) =>
                        setChosenClients((list) => (e.target.checked ? [...list, c.id] : list.filter((x) => x !== c.id)))
                      }
                    />
                    {c.name}
                  </label>
                ))}
              </div>
            </>
          ) : (
            <p className="text-sm text-slate-600">You have no clients on your care team yet.</p>
          )}
          <ErrorText id={`${id('clientIds')}-error`} errors={errors('clientIds')} />
        </fieldset>
      )}

      {fixedItem ? (
        <p className="text-sm text-slate-700">
          Assigning <span className="font-medium text-slate-900">{fixedItem.title}</span>
        </p>
      ) : (
        <div className="space-y-1">
          <label htmlFor={id('item')} className="block text-sm font-medium text-slate-800">
            Exercise or measure
          </label>
          <select
            id={id('item')}
            value={item}
            onChange={(e) => setItem(e.target.value)}
            className={inputClass}
            aria-invalid={errors('templateKey') || errors('kind') ? true : undefined}
            aria-describedby={described('item', !!(errors('templateKey') || errors('kind') || errors('templateVersion')))}
          >
            <option value="">Choose…</option>
            <optgroup label="Exercises">
              {items
                ?.filter((i) => i.kind === 'exercise')
                .map((i) => (
                  <option key={i.key} value={`exercise:${i.key}`}>
                    {i.title}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Measures">
              {items
                ?.filter((i) => i.kind === 'measure')
                .map((i) => (
                  <option key={i.key} value={`measure:${i.key}`}>
                    {i.title}
                  </option>
                ))}
            </optgroup>
          </select>
          <ErrorText
            id={`${id('item')}-error`}
            errors={[...(errors('kind') ?? []), ...(errors('templateKey') ?? []), ...(errors('templateVersion') ?? [])]}
          />
        </div>
      )}
      {fixedItem ? <ErrorText id={`${id('item')}-error`} errors={errors('templateKey') ?? errors('templateVersion')} /> : null}

      {isJournaling ? (
        <div className="space-y-2">
          <label htmlFor={id('prompt')} className="block text-sm font-medium text-slate-800">
            Prompt
          </label>
          <select
            id={id('prompt')}
            value={promptChoice}
            onChange={(e) => setPromptChoice(e.target.value)}
            className={inputClass}
            aria-describedby={described('prompt', !!errors('promptChoice'))}
          >
            <option value="">Let the client choose</option>
            {JOURNALING_PROMPTS.map((p, i) => (
              <option key={p.value} value={p.value}>
                {i + 1}. {p.label}
              </option>
            ))}
            <option value="own">My own prompt…</option>
          </select>
          {promptChoice === 'own' ? (
            <div className="space-y-1">
              <label htmlFor={id('own')} className="block text-sm font-medium text-slate-800">
                Your prompt
              </label>
              <input id={id('own')} value={ownPrompt} onChange={(e) => setOwnPrompt(e.target.value)} maxLength={500} className={inputClass} />
            </div>
          ) : null}
          <ErrorText id={`${id('prompt')}-error`} errors={errors('promptChoice')} />
        </div>
      ) : null}

      <div className="space-y-1">
        <label htmlFor={id('instructions')} className="block text-sm font-medium text-slate-800">
          Instructions <span className="font-normal text-slate-600">(optional, in your words)</span>
        </label>
        <textarea
          id={id('instructions')}
          name="instructions"
          rows={3}
          maxLength={2000}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          className={inputClass}
          aria-invalid={errors('instructions') ? true : undefined}
          aria-describedby={described('instructions', !!errors('instructions'))}
        />
        <ErrorText id={`${id('instructions')}-error`} errors={errors('instructions')} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={id('startDate')} className="block text-sm font-medium text-slate-800">
            Start date
          </label>
          <input
            id={id('startDate')}
            type="date"
            name="startDate"
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            className={inputClass}
            aria-invalid={errors('startDate') ? true : undefined}
            aria-describedby={described('startDate', !!errors('startDate'))}
          />
          <ErrorText id={`${id('startDate')}-error`} errors={errors('startDate')} />
        </div>
        <div className="space-y-1">
          <label htmlFor={id('dueTime')} className="block text-sm font-medium text-slate-800">
            Due time
          </label>
          <input
            id={id('dueTime')}
            type="time"
            name="dueTime"
            value={dueTime}
            onChange={(e) => setDueTime(e.target.value)}
            className={inputClass}
            aria-invalid={errors('dueTime') ? true : undefined}
            aria-describedby={described('dueTime', !!errors('dueTime'))}
          />
          <ErrorText id={`${id('dueTime')}-error`} errors={errors('dueTime')} />
        </div>
      </div>

      <fieldset className="space-y-3" aria-describedby={described('recurrence', recurrenceErrors.length > 0)}>
        <legend className="text-sm font-medium text-slate-800">Repeat</legend>
        <div className="flex flex-wrap gap-3">
          {(
            [
              ['once', 'Once'],
              ['daily', 'Daily'],
              ['weekly', 'Weekly'],
              ['every_n_days', 'Every N days'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${uid}-kind`} checked={kind === value} onChange={() => setKind(value)} />
              {label}
            </label>
          ))}
        </div>
        {kind === 'every_n_days' ? (
          <div className="max-w-40 space-y-1">
            <label htmlFor={id('n')} className="block text-sm font-medium text-slate-800">
              Every how many days
            </label>
            <input id={id('n')} type="number" min={1} max={365} value={n} onChange={(e) => setN(e.target.value)} className={inputClass} />
          </div>
        ) : null}
        {kind !== 'once' ? (
          <div className="flex flex-wrap items-end gap-4">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${uid}-end`} checked={endKind === 'count'} onChange={() => setEndKind('count')} />
              For
            </label>
            <div className="w-24">
              <label htmlFor={id('count')} className="sr-only">
                Number of times
              </label>
              <input
                id={id('count')}
                type="number"
                min={1}
                max={365}
                value={count}
                disabled={endKind !== 'count'}
                onChange={(e) => setCount(e.target.value)}
                className={inputClass}
              />
            </div>
            <span className="pb-3 text-sm text-slate-700">times</span>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${uid}-end`} checked={endKind === 'until'} onChange={() => setEndKind('until')} />
              Until
            </label>
            <div>
              <label htmlFor={id('until')} className="sr-only">
                End date
              </label>
              <input
                id={id('until')}
                type="date"
                value={until}
                disabled={endKind !== 'until'}
                onChange={(e) => setUntil(e.target.value)}
                className={inputClass}
              />
            </div>
          </div>
        ) : null}
        <ErrorText id={`${id('recurrence')}-error`} errors={recurrenceErrors.length ? [...new Set(recurrenceErrors)] : undefined} />
      </fieldset>

      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}
