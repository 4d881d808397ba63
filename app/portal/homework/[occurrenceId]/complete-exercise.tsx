'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import type { PracticeContact } from '@/app/_components/crisis-panel';
import { DeferredCrisisPanel, usePreloadCrisisPanel } from '@/app/_components/crisis-panel-deferred';
import { Button, ButtonLink } from '@/app/_components/design/button';
import { ExerciseForm } from '@/app/_components/exercise-form/exercise-form';
import type { CommentsByPath } from '@/app/_components/exercise-form/types';
import { DeliveryStatus } from '@/app/_components/delivery-status';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { type Delivery, DELIVERY_TEXT, deliver, keyedPayload, type Sender } from '@/app/_components/resilient-action';
import type { ExerciseTemplate } from '@/lib/exercises';
import { NATIVE_POST_FIELD } from '@/lib/access/native-post';
import { answersFromForm } from '@/lib/exercises/form-answers';
import { saveDraft, submitExercise } from '@/lib/submissions/actions';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; label: string }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string };

const DEBOUNCE_MS = 1200;
const RETRY_MS = 5000;

/**
 * Completing one piece of homework. Every change is saved to the server shortly after typing stops, and
 * at once when the page is hidden or closed, so a refresh, a dropped connection or an idle sign-out loses
 * nothing. One save is in flight at a time and the newest answers always win.
 */
export function CompleteExercise({
  editable,
  readOnly,
  occurrenceId,
  template,
  initialAnswers,
  draftSavedAtLabel,
  comments,
  revising,
  crisisContacts,
  postKey,
}: {
  /** What the server says now: false once the item is sent (also when this page is reached again by Back). */
  editable: boolean;
  /** The sent answers, read only, for when the item is not editable. */
  readOnly: React.ReactNode;
  occurrenceId: string;
  template: ExerciseTemplate;
  initialAnswers: Record<string, unknown> | null;
  /** When the draft was last saved, as the practice's clock shows it (formatted on the server: no Intl in the page). */
  draftSavedAtLabel: string | null;
  comments: CommentsByPath;
  revising: boolean;
  /** The practice's own numbers for the crisis panel, shown when a submitted answer matched a safety trigger. */
  crisisContacts: readonly PracticeContact[];
  /** The idempotency key of this page's form when it posts natively. */
  postKey: string;
}) {
  // Sent before the page's script has run (or without one), the form posts to the action itself, and the page
  // comes back drawn with its answer: sent, or the refusal beside the fields with the answers as they were sent.
  const [posted, postNatively] = useActionState(submitExercise, null);
  const refused = posted && !posted.ok ? posted : null;
  const drawnAnswers = refused?.values ? answersFromForm(template, refused.values) : initialAnswers;
  // A send whose answers match a safety trigger shows the crisis panel at once: have its code ready.
  usePreloadCrisisPanel();
  const answers = useRef<Record<string, unknown>>(drawnAnswers ?? {});
  // Answers a refused native post drew again are kept as the draft once the page runs, as a refused send's are.
  const dirty = useRef(Boolean(refused));
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const submitted = useRef(false);
  const [save, setSave] = useState<SaveState>(draftSavedAtLabel ? { kind: 'saved', label: draftSavedAtLabel } : { kind: 'idle' });
  // Kept apart: a later successful draft save must not wipe the errors a refused submission showed.
  const [draftErrors, setDraftErrors] = useState<Record<string, string[]>>({});
  const [submitErrors, setSubmitErrors] = useState<Record<string, string[]>>(refused?.fieldErrors ?? {});
  const [formError, setFormError] = useState<string | null>(refused ? (refused.formError ?? 'Please check the highlighted answers.') : null);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<{ version: number; crisis: boolean } | null>(
    posted?.ok ? { version: posted.data.version, crisis: posted.data.showCrisisPanel } : null,
  );
  const errorBox = useRef<HTMLDivElement>(null);
  // Counts refused sends: each one moves focus to the message once it is on the page (after React's commit,
  // which an animation frame scheduled in the handler may run before).
  const [errorShown, setErrorShown] = useState(0);
  useEffect(() => {
    if (!errorShown) return;
    errorBox.current?.focus();
    errorBox.current?.scrollIntoView({ block: 'start' });
  }, [errorShown]);
  // Retries scheduled from inside `flush` call the latest `flush` through this ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});
  // Idempotency keys: a draft save or a send retried after a timeout is done once on the server.
  const draftSender = useRef<Sender>({ pending: null });
  const sendSender = useRef<Sender>({ pending: null });
  const [delivery, setDelivery] = useState<Delivery>({ waiting: null, recovered: posted?.ok && posted.replayed ? DELIVERY_TEXT.replayed : null });
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) {
      await inFlight.current;
      if (!dirty.current) return;
    }
    if (!dirty.current || submitted.current) return;
    dirty.current = false;
    const snapshot = answers.current;
    setSave({ kind: 'saving' });
    let retryOnEdit = false;
    const run = (async () => {
      try {
        const result = await saveDraft(null, keyedPayload(draftSender.current, { occurrenceId, templateVersion: template.version, answers: snapshot }));
        if (!result.ok && result.retryable) throw new Error('database unavailable');
        draftSender.current.pending = null;
        if (result.ok) {
          setSave(dirty.current ? { kind: 'unsaved' } : { kind: 'saved', label: result.data.savedAtLabel });
          setDraftErrors({});
        } else {
          // Refused (e.g. too long a text): keep the answers here and say what to fix; the next edit retries.
          dirty.current = true;
          retryOnEdit = true;
          setSave({ kind: 'refused', message: result.formError ?? 'Your latest changes were not saved.' });
          setDraftErrors(result.fieldErrors);
        }
      } catch {
        // No connection: keep everything in the page and try again shortly and when the browser is back online.
        dirty.current = true;
        retryOnEdit = true;
        setSave({ kind: 'offline' });
        timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    // Edits made while this save was in flight still need saving; a refusal waits for the next edit instead.
    if (!retryOnEdit && dirty.current && !timer.current && !submitted.current) timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
  }, [occurrenceId, template.version]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => {
    if (dirty.current) void flush();
    // Once, for what the page was drawn with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onChange = useCallback(
    (next: Record<string, unknown>) => {
      const previous = answers.current;
      answers.current = next;
      // An error from the last send goes away once the client changes that answer.
      setSubmitErrors((errors) => {
        const kept = Object.entries(errors).filter(([path]) => {
          const top = path.split('.')[0] ?? path;
          return JSON.stringify(previous[top]) === JSON.stringify(next[top]);
        });
        return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
      });
      dirty.current = true;
      setSave((s) => (s.kind === 'offline' || s.kind === 'refused' ? s : { kind: 'unsaved' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    const onOnline = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('online', onOnline);
    // Closing the tab with unsaved answers gets the browser's own "leave page?" prompt.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current && !submitted.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  async function onSubmit(event: React.FormEvent) {
    // Once hydrated the form sends by script (after the draft save in flight), never through its native action.
    event.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    setSubmitting(true);
    setFormError(null);
    setDelivery({ waiting: null, recovered: null });
    try {
      // Keeps sending (same key) while the connection or the server is down; the answers stay on the page.
      const { result, waited, gaveUp } = await deliver(
        submitExercise,
        null,
        { occurrenceId, templateVersion: template.version, answers: answers.current },
        sendSender.current,
        (waiting) => setDelivery({ waiting: waiting ? DELIVERY_TEXT.waiting : null, recovered: null }),
      );
      if (gaveUp || !result) {
        setFormError(DELIVERY_TEXT.gaveUp);
        setErrorShown((n) => n + 1);
        return;
      }
      if (result.ok && (waited || result.replayed)) {
        setDelivery({ waiting: null, recovered: waited ? DELIVERY_TEXT.recovered : DELIVERY_TEXT.replayed });
      }
      if (result.ok) {
        submitted.current = true;
        dirty.current = false;
        setSubmitErrors({});
        setSent({ version: result.data.version, crisis: result.data.showCrisisPanel });
        window.scrollTo({ top: 0 });
        // Re-read the page from the server: its status and banner change, and the browser's cached copies of
        // this page and the homework list are dropped, so Back and Forward show it as sent.
        router.refresh();
      } else {
        setSubmitErrors(result.fieldErrors);
        setFormError(result.formError ?? 'Please check the highlighted answers.');
        setErrorShown((n) => n + 1);
        // Whatever failed validation is still worth keeping as a draft.
        dirty.current = true;
        void flush();
      }
    } catch {
      setFormError('You seem to be offline, so nothing was sent. Your answers are still here; try again when you are back online.');
      setErrorShown((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  }

  if (sent) {
    return (
      <div className="space-y-4">
        {sent.crisis ? <DeferredCrisisPanel practiceContacts={crisisContacts} /> : null}
        <DeliveryStatus delivery={delivery} />
        <div role="status" className="rounded-xl border border-brand-200 bg-brand-50 p-4 text-brand-900" data-testid="submitted-message">
          <p className="font-semibold">{sent.version > 1 ? `Sent — your revised version ${sent.version}.` : 'Sent to your therapist.'}</p>
          <p className="mt-1 text-sm">Your therapist will read it and may leave comments. You can find it in your history.</p>
        </div>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/portal/homework">Back to today</ButtonLink>
          <ButtonLink href="/portal/history" variant="secondary">
            See my history
          </ButtonLink>
        </div>
      </div>
    );
  }

  if (!editable) return <>{readOnly}</>;

  return (
    <form ref={formRef} action={postNatively} onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-6" aria-describedby="save-status">
      <input type="hidden" name={NATIVE_POST_FIELD} value="1" />
      <input type="hidden" name="occurrenceId" value={occurrenceId} />
      <input type="hidden" name="templateVersion" value={template.version} />
      <input type="hidden" name="idempotencyKey" value={postKey} />
      <DeliveryStatus delivery={delivery} />
      {formError ? (
        <div ref={errorBox} tabIndex={-1} role="alert" data-testid="form-error" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </div>
      ) : null}
      <ExerciseForm
        template={template}
        mode="fill"
        initialAnswers={drawnAnswers}
        fieldErrors={{ ...submitErrors, ...draftErrors }}
        comments={comments}
        onChange={onChange}
        hideInstructions={false}
      />
      {/* Above the portal's tab bar on a phone (3.5 rem and its border), at the bottom edge from tablet width. */}
      <div className="sticky bottom-[calc(3.5rem+1px+env(safe-area-inset-bottom))] -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:bottom-0">
        <SaveStatus state={save} />
        <Button type="submit" pending={submitting}>
          {submitting ? 'Sending…' : revising ? 'Send revised version' : 'Send to my therapist'}
        </Button>
      </div>
    </form>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  let text: string;
  let tone = 'text-slate-600';
  switch (state.kind) {
    case 'idle':
      text = 'Your answers are saved as you type.';
      break;
    case 'unsaved':
      text = 'Saving soon…';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = `Draft saved at ${state.label}`;
      tone = 'text-brand-800';
      break;
    case 'offline':
      text = 'Offline — not saved yet. Keep this page open; we will save when you are back online.';
      tone = 'text-amber-800';
      break;
    case 'refused':
      text = state.message;
      tone = 'text-red-700';
      break;
  }
  return (
    <p id="save-status" role="status" aria-live="polite" className={`text-sm ${tone}`} data-testid="save-status" data-state={state.kind}>
      {text}
    </p>
  );
}
