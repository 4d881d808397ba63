'use client';

import { useActionState, useId, useRef } from 'react';
import type { FormState } from '@/app/_components/form';

// Method syntax keeps parameters bivariant, so any action's typed result fits the shared FormState.
export type FormAction = { bivarianceHack(prev: FormState, payload: FormData): Promise<FormState> }['bivarianceHack'];

/** One button that runs one admin action on one record, with its outcome beside it. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  tone = 'neutral',
  confirm,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  tone?: 'neutral' | 'danger' | 'brand';
  confirm?: string;
}) {
  const [state, run, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const confirmId = useId();
  const link = state?.ok ? (state as { data?: { link?: string | null } }).data?.link : null;
  const tones = {
    neutral: 'border-slate-300 text-slate-800 hover:bg-slate-50',
    danger: 'border-red-300 text-red-800 hover:bg-red-50',
    brand: 'border-brand-600 text-brand-800 hover:bg-brand-50',
  };
  return (
    <form
      ref={form}
      action={run}
      onSubmit={(e) => {
        // A destructive step asks first, in a modal dialog (focus stays inside it; Escape cancels).
        if (confirm && !confirmed.current) {
          e.preventDefault();
          dialog.current?.showModal();
        }
        confirmed.current = false;
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {confirm ? (
        <dialog
          ref={dialog}
          aria-labelledby={confirmId}
          className="m-auto max-w-sm rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
        >
          <p id={confirmId} className="text-sm">
            {confirm}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => dialog.current?.close()}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Cancel
            </button>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                confirmed.current = true;
                form.current?.requestSubmit();
              }}
              className={`min-h-11 rounded-lg px-4 text-sm font-semibold ${tone === 'danger' ? 'bg-red-700 text-white hover:bg-red-800' : 'bg-brand-700 text-white hover:bg-brand-800'}`}
            >
              {label}
            </button>
          </div>
        </dialog>
      ) : null}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`min-h-9 rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-60 ${tones[tone]}`}
      >
        {pending ? (pendingLabel ?? 'Working…') : label}
      </button>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="max-w-xs text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok && state.message ? (
        <p role="status" className="text-xs text-brand-800">
          {state.message}
        </p>
      ) : null}
      {link ? <SharedLink link={link} /> : null}
    </form>
  );
}

/** A link the admin passes on when the deployment does not send email. */
export function SharedLink({ link }: { link: string }) {
  return (
    <div
      role="status"
      className="mt-1 max-w-md rounded-lg border border-brand-200 bg-brand-50 p-3 text-xs text-brand-900"
    >
      <p className="font-medium">Email is not set up here. Pass this link on to them privately; it works once.</p>
      <input
        readOnly
        aria-label="Link to pass on"
        data-testid="shared-link"
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-2 w-full rounded border border-brand-300 bg-white px-2 py-1 font-mono text-xs"
      />
    </div>
  );
}

