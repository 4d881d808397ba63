'use client';

import { useEffect, useRef, useState } from 'react';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, PASSWORD_SCORE_LABELS, type PasswordScore } from '@/lib/auth/password-policy';
import { useAdoptEarlyInput } from './adopt-early-input';
import { Field, type FormState } from './form';

type Strength = { score: PasswordScore; acceptable: boolean; warning: string | null; suggestions: string[] };
type Meter = { state: 'empty' } | { state: 'short'; length: number } | { state: 'checking' } | ({ state: 'scored' } & Strength);

const DEBOUNCE_MS = 300;

/**
 * A new-password field with a strength meter beside it. The score comes from the server
 * (app/api/password-strength), which holds the zxcvbn dictionaries: they are megabytes, too much for a phone to
 * download for a meter. `about` is what the page knows of the person (an invitation's email), `aboutFields` the
 * names of other fields in the same form that describe them (name, email): a password made of those is weak.
 * The action that receives the form checks again and has the last word.
 */
export function NewPasswordField({
  name,
  label,
  state,
  hint,
  about = [],
  aboutFields = [],
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  about?: string[];
  aboutFields?: string[];
}) {
  const [meter, setMeter] = useState<Meter>({ state: 'empty' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const wrapper = useRef<HTMLDivElement>(null);
  // A password typed before the page hydrated gets its meter too.
  useAdoptEarlyInput(wrapper);
  useEffect(() => {
    // React resets the form after an action answers, emptying the field: the meter empties with it.
    const form = wrapper.current?.querySelector('input')?.form;
    const clear = () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
      setMeter({ state: 'empty' });
    };
    form?.addEventListener('reset', clear);
    return () => {
      form?.removeEventListener('reset', clear);
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, []);

  const onInput = (event: React.FormEvent<HTMLDivElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== name) return;
    const password = input.value;
    clearTimeout(timer.current);
    inFlight.current?.abort();
    if (!password) return setMeter({ state: 'empty' });
    if (password.length < MIN_PASSWORD_LENGTH) return setMeter({ state: 'short', length: password.length });
    setMeter({ state: 'checking' });
    const words = [
      ...about,
      ...aboutFields.map((field) => {
        const other = input.form?.elements.namedItem(field);
        return other instanceof HTMLInputElement ? other.value : '';
      }),
    ].filter(Boolean);
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const response = await fetch('/api/password-strength', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password, about: words }),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(String(response.status));
        setMeter({ state: 'scored', ...((await response.json()) as Strength) });
      } catch {
        // Offline or aborted: no verdict from the meter; the form's own check still runs on sending.
        if (!controller.signal.aborted) setMeter({ state: 'empty' });
      }
    }, DEBOUNCE_MS);
  };

  return (
    <div ref={wrapper} onInput={onInput} className="space-y-1">
      <Field name={name} label={label} type="password" state={state} autoComplete="new-password" hint={hint} required />
      <StrengthMeter id={`field-${name}-strength`} meter={meter} />
    </div>
  );
}

function StrengthMeter({ id, meter }: { id: string; meter: Meter }) {
  const score = meter.state === 'scored' ? meter.score : 0;
  const strong = meter.state === 'scored' && meter.acceptable;
  const text =
    meter.state === 'short'
      ? `Too short: ${meter.length} of at least ${MIN_PASSWORD_LENGTH} characters.`
      : meter.state === 'checking'
        ? 'Checking strength…'
        : meter.state === 'scored'
          ? `Strength: ${PASSWORD_SCORE_LABELS[meter.score]}.${meter.acceptable ? '' : ` ${meter.warning ?? 'Add more words or characters that are not about you.'}`}`
          : '';
  const tip = meter.state === 'scored' && !meter.acceptable ? meter.suggestions[0] : undefined;
  return (
    <div id={id} aria-live="polite" className="min-h-5 space-y-1" data-score={meter.state === 'scored' ? meter.score : undefined}>
      {meter.state === 'empty' ? null : (
        <>
          <div className="flex gap-1" aria-hidden="true">
            {[1, 2, 3, 4].map((step) => (
              <span
                key={step}
                className={`h-1.5 flex-1 rounded-full ${meter.state === 'scored' && step <= Math.max(score, 1) ? (strong ? 'bg-brand-600' : step < MIN_PASSWORD_SCORE ? 'bg-red-600' : 'bg-amber-500') : 'bg-slate-200'}`}
              />
            ))}
          </div>
          <p className={`text-xs ${strong ? 'text-brand-800' : 'text-slate-700'}`}>
            {text}
            {tip ? ` ${tip}` : ''}
          </p>
        </>
      )}
    </div>
  );
}
