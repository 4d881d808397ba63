'use client';

import { useFormStatus } from 'react-dom';
import { Button } from './design/button';
import { inputClass } from './design/input-class';
import { ErrorSummary } from './error-summary';

export type FormState = {
  ok: boolean;
  formError?: string | null;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
  message?: string;
} | null;

export function valueOf(state: FormState, name: string, fallback = ''): string {
  const value = state && !state.ok ? state.values?.[name] : undefined;
  return typeof value === 'string' ? value : fallback;
}

/** A labelled input with its error beside it, wired for screen readers. */
export function Field({
  name,
  label,
  state,
  type = 'text',
  hint,
  defaultValue,
  autoComplete,
  required,
  inputMode,
}: {
  name: string;
  label: string;
  state: FormState;
  type?: string;
  hint?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  const errors = state?.fieldErrors?.[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  const echoed = type === 'password' ? undefined : valueOf(state, name, defaultValue ?? '');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-label font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        // Keyed on the echoed value so React re-applies it after a failed submit resets the form.
        key={echoed}
        defaultValue={echoed}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state) return null;
  if (!state.ok) return <ErrorSummary state={state} />;
  if (state.message) {
    return (
      <div role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        {state.message}
      </div>
    );
  }
  return null;
}

export function SubmitButton({ children, pendingLabel }: { children: React.ReactNode; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" pending={pending}>
      {pending ? (pendingLabel ?? 'Saving…') : children}
    </Button>
  );
}
