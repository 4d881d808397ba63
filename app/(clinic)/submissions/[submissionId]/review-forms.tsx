'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useId, useRef, useState } from 'react';
import { DeliveryStatus } from '@/app/_components/delivery-status';
import { useResilientAction } from '@/app/_components/resilient-action-state';
import { SubmitButton, type FormState } from '@/app/_components/form';
import { commentOnField, markReviewed, requestRevision } from '@/lib/submissions/actions';
import { buttonClass } from '@/app/_components/design/button';
import { checkClass } from '@/app/_components/design/checkbox';
import { inputClass } from '@/app/_components/design/input-class';

/**
 * Runs `after` once for each new successful result (the action itself re-renders the page on the server).
 * Adjusted during render rather than in an effect: React's pattern for state that follows a changed value.
 */
function useOnSuccess(state: FormState, after: () => void) {
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) after();
  }
}

function FieldError({ id, state, name }: { id: string; state: FormState; name: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return errors?.length ? (
    <p id={id} className="text-sm text-red-700">
      {errors.join(' ')}
    </p>
  ) : null;
}

/** "Comment on this answer": anchored to one field path; visible to the client or a private note. */
export function CommentForm({ submissionId, fieldPath, label }: { submissionId: string; fieldPath: string; label: string }) {
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Closing (saved or cancelled) gives focus back to "Comment", since the form that had it is gone; but only from
  // this form: a save that lands after the person has moved on (into another answer's comment) leaves them there.
  const [returnFocus, setReturnFocus] = useState(false);
  const close = () => {
    const active = document.activeElement;
    setReturnFocus(!active || active === document.body || Boolean(form.current?.contains(active)));
    setOpen(false);
  };
  const [state, action, , delivery] = useResilientAction(commentOnField);
  const uid = useId();
  useOnSuccess(state as FormState, close);
  const echoed = state && !state.ok ? state.values : undefined;
  const bodyError = state && !state.ok && state.fieldErrors?.body?.length;
  if (!open) {
    return (
      <div className="mt-1">
        <button
          type="button"
          onClick={() => setOpen(true)}
          autoFocus={returnFocus}
          className={buttonClass('quiet', 'sm')}
          aria-label={`Comment on: ${label}`}
        >
          Comment
        </button>
        {state?.ok ? <span className="text-xs text-brand-800" role="status">Comment saved.</span> : null}
        <DeliveryStatus delivery={delivery} />
      </div>
    );
  }
  return (
    <form ref={form} action={action} className="mt-2 space-y-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={`Comment on: ${label}`}>
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="fieldPath" value={fieldPath} />
      <DeliveryStatus delivery={delivery} />
      <FormOutcome state={state as FormState} />
      <label htmlFor={`${uid}-body`} className="block text-sm font-medium text-slate-800">
        Your comment on “{label}”
      </label>
      {/* Opened by "Comment", which is gone now: the words go straight in. */}
      <textarea
        id={`${uid}-body`}
        name="body"
        autoFocus
        rows={3}
        maxLength={2000}
        defaultValue={typeof echoed?.body === 'string' ? echoed.body : ''}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={bodyError ? `${uid}-body-error` : undefined}
        className={inputClass}
      />
      <FieldError id={`${uid}-body-error`} state={state as FormState} name="body" />
      <FieldError id={`${uid}-path-error`} state={state as FormState} name="fieldPath" />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Who can see it</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="visibility" value="client" defaultChecked={echoed?.visibility !== 'private'} className={checkClass} />
          The client sees it beside this answer
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="visibility" value="private" defaultChecked={echoed?.visibility === 'private'} className={checkClass} />
          Private note (never shown to the client)
        </label>
      </fieldset>
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Saving…">Save comment</SubmitButton>
        <button type="button" onClick={close} className="min-h-11 rounded-lg px-3 text-sm text-slate-700 hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A note on the whole submission that only the care team sees. */
export function PrivateNoteForm({ submissionId }: { submissionId: string }) {
  const [state, action, , delivery] = useResilientAction(commentOnField);
  const echoed = state && !state.ok ? state.values : undefined;
  const bodyError = state && !state.ok && state.fieldErrors?.body?.length;
  return (
    // Not re-mounted after a save: React empties the field itself when the action ends, and the button keeps focus.
    <form action={action} className="space-y-2">
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="visibility" value="private" />
      <DeliveryStatus delivery={delivery} />
      <FormOutcome state={state as FormState} />
      <label htmlFor="private-note" className="block text-sm font-medium text-slate-800">
        Private note
      </label>
      <p id="private-note-hint" className="text-xs text-slate-600">
        For you and the care team only. The client never sees it.
      </p>
      <textarea
        id="private-note"
        name="body"
        rows={3}
        maxLength={2000}
        defaultValue={typeof echoed?.body === 'string' ? echoed.body : ''}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={`private-note-hint${bodyError ? ' private-note-error' : ''}`}
        className={inputClass}
      />
      <FieldError id="private-note-error" state={state as FormState} name="body" />
      <SubmitButton pendingLabel="Saving…">Save private note</SubmitButton>
    </form>
  );
}

/** "Ask to revise" (with optional words for the client) and "Mark reviewed". */
export function ReviewActions({ submissionId, status }: { submissionId: string; status: 'submitted' | 'revision_requested' | 'reviewed' | 'draft' }) {
  const [reviseState, revise, , reviseDelivery] = useResilientAction(requestRevision);
  const [reviewState, review, , reviewDelivery] = useResilientAction(markReviewed);
  const echoed = reviseState && !reviseState.ok ? reviseState.values : undefined;
  const messageError = reviseState && !reviseState.ok && reviseState.fieldErrors?.message?.length;
  if (status === 'reviewed') {
    return (
      <p className="text-sm text-slate-700" role="status">
        You marked this reviewed. The client can see your comments in their history.
      </p>
    );
  }
  return (
    <div className="space-y-5">
      <form action={review} className="space-y-2">
        <input type="hidden" name="submissionId" value={submissionId} />
        <DeliveryStatus delivery={reviewDelivery} />
        <FormOutcome state={reviewState as FormState} />
        <SubmitButton pendingLabel="Saving…">Mark reviewed</SubmitButton>
      </form>
      {status === 'submitted' ? (
        <form action={revise} className="space-y-2 border-t border-slate-200 pt-4">
          <input type="hidden" name="submissionId" value={submissionId} />
          <DeliveryStatus delivery={reviseDelivery} />
          <FormOutcome state={reviseState as FormState} />
          <label htmlFor="revise-message" className="block text-sm font-medium text-slate-800">
            Message to the client (optional)
          </label>
          <textarea
            id="revise-message"
            name="message"
            rows={2}
            maxLength={2000}
            defaultValue={typeof echoed?.message === 'string' ? echoed.message : ''}
            aria-invalid={messageError ? true : undefined}
            aria-describedby={messageError ? 'revise-message-error' : 'revise-message-hint'}
            className={inputClass}
          />
          <p id="revise-message-hint" className="text-xs text-slate-600">
            Your comments on the answers are shown to the client beside each one.
          </p>
          <FieldError id="revise-message-error" state={reviseState as FormState} name="message" />
          <SubmitButton pendingLabel="Sending…">Ask to revise</SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-700" role="status">
          You asked the client to revise this. Their new version will appear here when they send it.
        </p>
      )}
    </div>
  );
}
