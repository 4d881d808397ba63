'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { startTransition, useActionState, useId, useRef, useState } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { type FormState } from '@/app/_components/form';
import { assignHomework } from '@/lib/assignments/actions';
import { JOURNALING_PROMPTS } from '@/lib/exercises/journaling-prompts';
import { Button, inputClass } from './design';
import { DEFAULT_RECURRENCE, type RecurrenceChoice, RecurrenceFields, recurrenceRule } from './recurrence-fields';

export type AssignableItem = { kind: 'exercise' | 'measure'; key: string; title: string };
export type AssignableClient = { id: string; name: string };

const JOURNALING_KEY = 'journaling_prompt';


function ErrorText({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(' ')}
    </p>
  );
}

type AssignResult = Awaited<ReturnType<typeof assignHomework>>;
/** The last answer, and how many assignments this form has made: each success starts a fresh form. */
type AssignState = { result: AssignResult | null; made: number };

type AssignFormProps = {
  /** Choices when assigning to several clients (the actor's care team). */
  clients?: AssignableClient[];
  /** Choices of what to assign, when not fixed. */
  items?: AssignableItem[];
  fixedClient?: AssignableClient;
  fixedItem?: AssignableItem;
  defaults: { startDate: string; dueTime: string };
};

/**
 * Assigns an exercise or a measure to one client (from the client page) or to several (from the library).
 * Every field is controlled and the form is sent without React's reset, so a refused request loses nothing;
 * a successful one starts a fresh form, so nothing (instructions above all) carries into the next assignment.
 */
export function AssignForm(props: AssignFormProps) {
  const [state, dispatch, pending] = useActionState<AssignState, FormData>(
    async (previous, data) => {
      const result = await assignHomework(null, data);
      return { result, made: previous.made + (result.ok ? 1 : 0) };
    },
    { result: null, made: 0 },
  );
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
      className="space-y-4"
      aria-label="Assign homework"
      noValidate
    >
      <FormOutcome state={state.result as FormState} />
      <AssignFields key={state.made} {...props} result={state.result} />
      <Button type="submit" pending={pending}>
        {pending ? 'Assigning…' : 'Assign'}
      </Button>
    </form>
  );
}

function AssignFields({ clients, items, fixedClient, fixedItem, defaults, result }: AssignFormProps & { result: AssignResult | null }) {
  const errors = (key: string) => (result && !result.ok ? result.fieldErrors[key] : undefined);
  const uid = useId().replace(/:/g, '');

  const [chosenClients, setChosenClients] = useState<string[]>(fixedClient ? [fixedClient.id] : []);
  const [item, setItem] = useState<string>(fixedItem ? `${fixedItem.kind}:${fixedItem.key}` : '');
  // Instructions belong to the exercise they were written for: choosing another starts blank, and coming
  // back finds them again.
  const [instructionsByItem, setInstructionsByItem] = useState<Record<string, string>>({});
  const instructions = instructionsByItem[item] ?? '';
  const [promptChoice, setPromptChoice] = useState('');
  const [ownPrompt, setOwnPrompt] = useState('');
  const [startDate, setStartDate] = useState(defaults.startDate);
  const [dueTime, setDueTime] = useState(defaults.dueTime);
  const [repeat, setRepeat] = useState<RecurrenceChoice>(DEFAULT_RECURRENCE);

  const [itemKind, itemKey] = item ? (item.split(':') as ['exercise' | 'measure', string]) : ['', ''];
  const isJournaling = itemKind === 'exercise' && itemKey === JOURNALING_KEY;
  const sentPrompt = !isJournaling ? '' : promptChoice === 'own' ? ownPrompt : promptChoice;
  const recurrenceErrors = ['recurrence', 'recurrence.kind', 'recurrence.end', 'recurrence.end.until', 'recurrence.end.count', 'recurrence.n'].flatMap(
    (key) => errors(key) ?? [],
  );
  const id = (name: string) => `${uid}-${name}`;
  const described = (name: string, has: boolean) => (has ? `${id(name)}-error` : undefined);

  return (
    <>
      <input type="hidden" name="__json" value={JSON.stringify({ recurrence: recurrenceRule(repeat), clientIds: chosenClients })} />
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
              <div className="grid grid-cols-1 max-h-56 gap-1 overflow-y-auto rounded-lg border border-slate-200 p-2 sm:grid-cols-2">
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
          onChange={(e) => setInstructionsByItem((all) => ({ ...all, [item]: e.target.value }))}
          className={inputClass}
          aria-invalid={errors('instructions') ? true : undefined}
          aria-describedby={described('instructions', !!errors('instructions'))}
        />
        <ErrorText id={`${id('instructions')}-error`} errors={errors('instructions')} />
      </div>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={id('startDate')} className="block text-sm font-medium text-slate-800">
            {repeat.kind === 'once' ? 'Due date' : 'Start date'}
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

      <RecurrenceFields value={repeat} onChange={setRepeat} errors={recurrenceErrors} idPrefix={uid} inputClass={inputClass} />
    </>
  );
}
