'use client';

import { Button, ButtonLink } from '@/app/_components/design/button';
import { choiceClass } from '@/app/_components/design/choice';
import { ErrorSummary } from '@/app/_components/error-summary';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { DeliveryStatus } from '@/app/_components/delivery-status';
import { keyedPayload, type Sender } from '@/app/_components/resilient-action';
import { useResilientAction } from '@/app/_components/resilient-action-state';
import { CrisisPanel, type PracticeContact } from '@/app/_components/crisis-panel';
import { FieldError } from '@/app/portal/_components/choice-inputs';
import { NATIVE_POST_FIELD } from '@/lib/access/native-post';
import { saveMeasureDraft, submitMeasure } from '@/lib/measures/actions';
import { MEASURES } from '@/lib/measures/definitions';
import { PHQ9_SAFETY_ITEM_ID } from '@/lib/measures/phq9';
import type { MeasureItem, MeasureKey } from '@/lib/measures/types';

type Answers = Record<string, number | null>;
type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The question's number as printed: A-RSQ asks two parts (a, b) of each situation. */
function itemLabel(item: MeasureItem): string {
  return /^q\d+[ab]$/.test(item.id) ? item.id.slice(1) : String(item.number);
}

const KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

/** The answers a refused native post sent (each question's radio, by its id), back in the form's shape. */
function sentAnswers(items: readonly MeasureItem[], sent: Record<string, string | string[]>): Answers {
  const answers: Answers = {};
  for (const item of items) {
    const value = sent[item.id];
    answers[item.id] = typeof value === 'string' && value !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
  }
  return answers;
}

/**
 * One key per filling-in of a form, kept in this browser until it is submitted: a retry, a double tap or the
 * same form open in a second tab all send the same key, and the server keeps one record.
 */
function useSubmissionKey(storageKey: string, fallback: string) {
  const key = useRef(fallback);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(storageKey);
      if (stored && KEY_PATTERN.test(stored)) key.current = stored;
      else window.localStorage.setItem(storageKey, fallback);
    } catch {
      // Storage can be off (private mode); the key made with the page still covers retries and double taps.
    }
  }, [storageKey, fallback]);
  return key;
}

function forgetSubmissionKey(storageKey: string) {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    /* nothing stored */
  }
}

function ItemQuestion({
  item,
  situation,
  value,
  onAnswer,
  errors,
}: {
  item: MeasureItem;
  situation?: string;
  value: number | null;
  onAnswer: (value: number) => void;
  errors?: string[];
}) {
  const errorId = `${item.id}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined} aria-invalid={errors?.length ? true : undefined}>
      {situation ? <p className="mb-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">{situation}</p> : null}
      <legend className="text-base font-semibold text-slate-900">
        <span className="mr-1">{itemLabel(item)}.</span>
        {item.text}
      </legend>
      <div className="mt-3 grid gap-2">
        {item.options.map((option) => {
          const id = `${item.id}-${option.value}`;
          return (
            <label key={option.value} htmlFor={id} className={choiceClass({ layout: 'spread', invalid: Boolean(errors?.length) })}>
              <input
                id={id}
                type="radio"
                name={item.id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onAnswer(option.value)}
                className="sr-only"
              />
              <span>{option.label}</span>
              <span className="text-xs opacity-80" aria-hidden="true">
                {option.value}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

export function MeasureForm({
  measure,
  initialAnswers,
  freshKey,
  storageKey,
  practiceContacts,
}: {
  measure: MeasureKey;
  initialAnswers: Answers;
  freshKey: string;
  storageKey: string;
  practiceContacts: PracticeContact[];
}) {
  const definition = MEASURES[measure];
  const items = definition.items;
  const situationOf = new Map<string, string>();
  for (const s of definition.scenarios ?? []) {
    situationOf.set(s.concern.id, s.situation);
    situationOf.set(s.acceptance.id, s.situation);
  }
  // Sent before the page's script has run (or without one), the form posts to the action itself, and the page
  // comes back drawn with its answer: the saved measure, or the refusal with the answers sent.
  const [posted, postNatively] = useActionState(submitMeasure, null);
  const [answers, setAnswers] = useState<Answers>(() => (posted && !posted.ok && posted.values ? sentAnswers(items, posted.values) : initialAnswers));
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);
  const firstOpen = items.findIndex((item) => answers[item.id] === undefined || answers[item.id] === null);
  const [index, setIndex] = useState(firstOpen === -1 ? items.length - 1 : firstOpen);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const pendingSaves = useRef(0);
  const draftSender = useRef<Sender>({ pending: null });
  const submissionKey = useSubmissionKey(storageKey, freshKey);
  const [state, dispatch, pending, delivery] = useResilientAction(submitMeasure, posted);
  const done = state?.ok ? state.data : null;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const last = items.length - 1;

  useEffect(() => {
    // This filling-in is finished: the next time the form opens it gets a new key.
    if (done) forgetSubmissionKey(storageKey);
  }, [done, storageKey]);

  // On a refusal, show the first question it names (one question per screen on a phone).
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state && !state.ok) {
      const first = items.findIndex((item) => state.fieldErrors[item.id]?.length);
      if (first !== -1) setIndex(first);
    }
  }

  const answer = (itemId: string, value: number) => {
    const next = { ...answers, [itemId]: value };
    setAnswers(next);
    setSaveState('saving');
    // Saves run one after another so an older one can never land after a newer one.
    pendingSaves.current += 1;
    saving.current = saving.current.then(async () => {
      let ok = false;
      try {
        ok = (await saveMeasureDraft(null, keyedPayload(draftSender.current, { measure, answers: next }))).ok;
        draftSender.current.pending = null;
      } catch {
        ok = false;
      }
      pendingSaves.current -= 1;
      // "Saved" only once the latest answers are on the server, not after an earlier save in the queue.
      if (!ok) setSaveState('failed');
      else if (pendingSaves.current === 0) setSaveState('saved');
    });
  };

  const unanswered = items.filter(
    (item) => item.scored && (answers[item.id] === undefined || answers[item.id] === null),
  );
  // The PHQ-9's last question asks about thoughts of self-harm. It stays optional (and a blank one still reaches
  // the care team as an alert), but before sending a blank one it gets its own gentle word, once.
  const safetyItem = measure === 'phq9' ? items.find((item) => item.id === PHQ9_SAFETY_ITEM_ID) : undefined;
  const safetyBlank =
    Boolean(safetyItem) && (answers[PHQ9_SAFETY_ITEM_ID] === undefined || answers[PHQ9_SAFETY_ITEM_ID] === null);
  const [safetyPrompt, setSafetyPrompt] = useState<'hidden' | 'shown' | 'declined'>('hidden');
  const safetyPromptRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (safetyPrompt === 'shown') safetyPromptRef.current?.focus();
  }, [safetyPrompt]);
  // Sent only after the draft saves already queued: a save landing after the submit would bring the sent answers
  // back as a draft the next time the form opens.
  const send = () => {
    void saving.current.then(() =>
      startTransition(() => dispatch({ measure, submissionKey: submissionKey.current, answers })),
    );
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Once hydrated the form sends by script (after the queued draft saves), never through its native action.
    event.preventDefault();
    if (safetyBlank && safetyPrompt !== 'declined') {
      setSafetyPrompt('shown');
      return;
    }
    send();
  };
  const answerSafetyItem = () => {
    setSafetyPrompt('hidden');
    setIndex(items.findIndex((item) => item.id === PHQ9_SAFETY_ITEM_ID));
    requestAnimationFrame(() => {
      const first = document.getElementsByName(PHQ9_SAFETY_ITEM_ID)[0];
      first?.scrollIntoView({ block: 'center' });
      first?.focus({ preventScroll: true });
    });
  };

  if (done) {
    return (
      <div className="space-y-4">
        {done.crisis ? <CrisisPanel practiceContacts={practiceContacts} urgent={done.tier === 'urgent'} /> : null}
        <DeliveryStatus delivery={delivery} />
        <div
          role="status"
          data-testid="measure-saved"
          className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900"
        >
          <p className="font-semibold">Thank you — your {definition.shortTitle} is saved.</p>
          {done.status === 'incomplete' ? (
            <p className="mt-1">
              Some questions were left blank, so it has no score this time. Your care team can still see your answers.
            </p>
          ) : (
            <p className="mt-1">Your care team will see it. You can follow how it changes on My progress.</p>
          )}
          <div className="mt-3 flex flex-wrap gap-3">
            <ButtonLink href="/portal/progress">My progress</ButtonLink>
            <ButtonLink href="/portal" variant="secondary">
              Back to home
            </ButtonLink>
          </div>
        </div>
      </div>
    );
  }

  const answeredCount = items.filter((item) => answers[item.id] !== undefined && answers[item.id] !== null).length;
  return (
    <form ref={formRef} action={postNatively} onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-5">
      <input type="hidden" name={NATIVE_POST_FIELD} value="1" />
      <input type="hidden" name="measure" value={measure} />
      {/* A native post sent twice (a double tap, a resent page) keeps one record, as the key sent by script does. */}
      <input type="hidden" name="submissionKey" value={freshKey} />
      <input type="hidden" name="idempotencyKey" value={freshKey} />
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        <p className="text-sm font-medium text-slate-900">{definition.instructions}</p>
      </div>

      <div className="flex items-center justify-between text-sm text-slate-700">
        <p data-testid="measure-progress" className="md:hidden" aria-live="polite">
          Question {index + 1} of {items.length}
        </p>
        <p className="hidden md:block">
          {answeredCount} of {items.length} answered
        </p>
        <p aria-live="polite" className="text-xs text-slate-600">
          {saveState === 'saving'
            ? 'Saving…'
            : saveState === 'saved'
              ? 'Answers saved'
              : saveState === 'failed'
                ? 'Not saved yet — your answers are still here'
                : ''}
        </p>
      </div>
      <div className="h-2 w-full overflow-hidden rounded-full bg-slate-200 md:hidden" aria-hidden="true">
        <div className="h-full bg-brand-600" style={{ width: `${((index + 1) / items.length) * 100}%` }} />
      </div>

      <DeliveryStatus delivery={delivery} />
      <ErrorSummary state={state} listFields={false} />

      <ol className="space-y-8">
        {items.map((item, i) => (
          <li
            key={item.id}
            className={`${i === index ? 'block' : 'hidden'} rounded-xl border border-slate-200 bg-white p-4 md:block`}
          >
            <ItemQuestion
              item={item}
              situation={situationOf.get(item.id)}
              value={answers[item.id] ?? null}
              onAnswer={(v) => answer(item.id, v)}
              errors={errors[item.id]}
            />
          </li>
        ))}
      </ol>

      <div className="flex gap-3 md:hidden">
        <Button variant="secondary" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} className="flex-1">
          Back
        </Button>
        {index < last ? (
          <Button onClick={() => setIndex((i) => Math.min(last, i + 1))} className="flex-1">
            Next
          </Button>
        ) : null}
      </div>

      <div className={`${index === last ? 'block' : 'hidden'} space-y-3 md:block`}>
        {unanswered.length ? (
          <p className="text-sm text-slate-700">
            {unanswered.length === 1 ? 'Question' : 'Questions'} {unanswered.map(itemLabel).join(', ')}{' '}
            {unanswered.length === 1 ? 'is' : 'are'} not answered. You can still send it; some forms cannot be scored
            with gaps.
          </p>
        ) : null}
        {safetyPrompt === 'shown' && safetyBlank ? (
          <div
            ref={safetyPromptRef}
            tabIndex={-1}
            role="region"
            aria-labelledby="safety-prompt-title"
            data-testid="safety-item-prompt"
            className="space-y-3 rounded-xl border-2 border-brand-300 bg-brand-50 p-4 text-sm text-slate-800"
          >
            <p id="safety-prompt-title" className="font-semibold text-slate-900">
              Before you send: question {safetyItem ? itemLabel(safetyItem) : ''} is still blank
            </p>
            <p>
              It asks about thoughts that you would be better off dead or of hurting yourself. You don&apos;t have to
              answer it. If you can, your answer helps your therapist know how to support you, whatever it is.
            </p>
            <div className="flex flex-wrap gap-3">
              <Button onClick={answerSafetyItem}>Answer question {safetyItem ? itemLabel(safetyItem) : ''}</Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setSafetyPrompt('declined');
                  send();
                }}
              >
                Send without it
              </Button>
            </div>
          </div>
        ) : null}
        <Button type="submit" pending={pending} className="w-full md:w-auto">
          {pending ? 'Sending…' : `Submit ${definition.shortTitle}`}
        </Button>
      </div>

      <p className="border-t border-slate-200 pt-3 text-xs text-slate-600" data-testid="measure-attribution">
        {definition.attribution}
      </p>
    </form>
  );
}
