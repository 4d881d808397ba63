'use client';

import { createContext, useCallback, useContext, useState } from 'react';
import { keepFocusPlace } from './focus-place';
import { Toast } from './toast';

type Show = (message: string, tone?: 'brand' | 'danger') => void;

const ToastContext = createContext<Show>(() => {});

/**
 * One toast region for a whole area of the app, so an outcome stays on screen even when the control that caused it
 * goes away (a deactivated member's menu changes, a revoked invitation's row leaves the list).
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toast, setToast] = useState<{ message: string | null; tone: 'brand' | 'danger'; stamp: number }>({
    message: null,
    tone: 'brand',
    stamp: 0,
  });
  const show = useCallback<Show>((message, tone = 'brand') => {
    setToast((t) => ({ message, tone, stamp: t.stamp + 1 }));
  }, []);
  return (
    <ToastContext value={show}>
      {children}
      <Toast message={toast.message} tone={toast.tone} stamp={toast.stamp} />
    </ToastContext>
  );
}

/** Shows a short outcome in the area's toast; outside a provider it does nothing. */
export function useToast(): Show {
  return useContext(ToastContext);
}

type Outcome = { ok: boolean; message?: string } | null | undefined;

/**
 * An action that toasts its success message as it returns, for a control that may be gone by then (the row it
 * sat on changed): an effect in that control would never run. Refusals are left to the control to show.
 */
export function useToastingAction<S extends Outcome, P>(
  action: (prev: S | null, payload: P) => Promise<S>,
): (prev: S | null, payload: P) => Promise<S> {
  const toast = useToast();
  return useCallback(
    async (prev: S | null, payload: P) => {
      const result = await action(prev, payload);
      if (result?.ok && result.message) toast(result.message);
      keepFocusPlace();
      return result;
    },
    [action, toast],
  );
}
