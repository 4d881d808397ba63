'use client';

import { useEffect } from 'react';
import { ErrorSummary } from '../error-summary';
import type { FormState } from '../form';
import { useToast } from './toast-provider';

/**
 * A form's outcome: a refusal as the error summary at the top of the form (the errors stay beside their fields),
 * a success as a toast that does not take focus. `success` overrides the action's own message.
 */
export function FormOutcome({ state, success }: { state: FormState; success?: string }) {
  const toast = useToast();
  const message = state?.ok ? (success ?? state.message) : undefined;
  useEffect(() => {
    if (message) toast(message);
    // Once per result: each submit gives a new state object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return state && !state.ok ? <ErrorSummary state={state} /> : null;
}
