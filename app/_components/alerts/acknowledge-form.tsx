'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useId } from 'react';
import { DeliveryStatus } from '../delivery-status';
import { useResilientAction } from '../resilient-action-state';
import { acknowledgeAlert } from '@/lib/alerts/actions';
import { ACK_ACTIONS, ACK_ACTION_LABELS } from '@/lib/alerts/ack-actions';
import { type FormState, SubmitButton, valueOf } from '../form';
import { inputClass } from '@/app/_components/design/input-class';

/** Inline acknowledgement: what was done, and why when nothing was needed. Errors sit beside their fields. */
export function AcknowledgeAlertForm({ alertId, clientName }: { alertId: string; clientName: string }) {
  const [state, formAction, , delivery] = useResilientAction(acknowledgeAlert);
  const id = useId();
  const form = state as FormState;

  if (state?.ok) {
    return (
      <div className="space-y-2">
        <DeliveryStatus delivery={delivery} />
        <p role="status" className="text-sm font-medium text-brand-800">
          Acknowledged.
        </p>
      </div>
    );
  }
  const actionErrors = form?.fieldErrors?.action;
  const reasonErrors = form?.fieldErrors?.reason;
  const chosen = valueOf(form, 'action');
  const reason = valueOf(form, 'reason');
  return (
    <form action={formAction} className="space-y-3" aria-label={`Acknowledge alert for ${clientName}`}>
      <input type="hidden" name="alertId" value={alertId} />
      <DeliveryStatus delivery={delivery} />
      <FormOutcome state={form} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-action`} className="block text-sm font-medium text-slate-800">
            What was done
          </label>
          <select
            id={`${id}-action`}
            name="action"
            key={`action-${chosen}`}
            defaultValue={chosen}
            required
            aria-invalid={actionErrors?.length ? true : undefined}
            aria-describedby={actionErrors?.length ? `${id}-action-error` : undefined}
            className={inputClass}
          >
            <option value="">Choose…</option>
            {ACK_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACK_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
          {actionErrors?.length ? (
            <p id={`${id}-action-error`} className="text-sm text-red-700">
              {actionErrors.join(' ')}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
            Note <span className="font-normal text-slate-600">(required for “No action needed”)</span>
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            key={`reason-${reason}`}
            defaultValue={reason}
            rows={2}
            maxLength={2000}
            aria-invalid={reasonErrors?.length ? true : undefined}
            aria-describedby={reasonErrors?.length ? `${id}-reason-error` : undefined}
            className={inputClass}
          />
          {reasonErrors?.length ? (
            <p id={`${id}-reason-error`} className="text-sm text-red-700">
              {reasonErrors.join(' ')}
            </p>
          ) : null}
        </div>
      </div>
      <SubmitButton pendingLabel="Acknowledging…">Acknowledge</SubmitButton>
    </form>
  );
}
