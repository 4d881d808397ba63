'use client';

import { useActionState } from 'react';
import { markBaseline } from '@/lib/measures/baseline-actions';
import { Button } from '@/app/_components/design/button';

/** Makes one administration the baseline its measure's change is read against. */
export function MarkBaselineButton({ administrationId, label }: { administrationId: string; label: string }) {
  const [state, formAction, pending] = useActionState(markBaseline, null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="administrationId" value={administrationId} />
      <Button type="submit" variant="secondary" size="sm" pending={pending} aria-label={label}>
        {pending ? 'Saving…' : 'Make baseline'}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
