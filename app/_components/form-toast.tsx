'use client';

import { useState } from 'react';
import { Toast } from './design/toast';
import { ErrorSummary } from './error-summary';
import type { FormState } from './form';

/**
 * A form's outcome where the form stays on screen after saving: a refusal as the error summary (focus moves to
 * it), a success as the design system's toast, which says so politely without taking focus from the form.
 * Apart from FormMessage so that pages without it do not load the toast.
 */
export function FormToast({ state }: { state: FormState }) {
  // Each result is a new object: counting them lets the same words show again after a second save.
  const [seen, setSeen] = useState(state);
  const [count, setCount] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setCount(count + 1);
  }
  return (
    <>
      {state && !state.ok ? <ErrorSummary state={state} /> : null}
      <Toast key={count} message={state?.ok && state.message ? state.message : null} />
    </>
  );
}
