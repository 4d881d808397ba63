'use client';

import { useActionState, useCallback, useRef, useState } from 'react';
import { keepFocusPlace } from './design/focus-place';
import {
  type Delivery,
  DELIVERY_TEXT,
  deliver,
  KEY_FIELD,
  type Outcome,
  type Payload,
  type Sender,
  type ServerAction,
} from './resilient-action';

/*
 * Apart from ./resilient-action, so a form that sends with `deliver` itself (the homework page) does not carry
 * the hook in its first load.
 */

function echo(payload: Payload): Record<string, string | string[]> {
  if (!(payload instanceof FormData)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of payload.entries()) {
    if (k === KEY_FIELD || k.startsWith('$ACTION') || typeof v !== 'string') continue;
    const existing = out[k];
    out[k] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return out;
}

/**
 * `useActionState` for a write a person may retry. The form gets, beside its state, a `delivery` notice:
 * "waiting" while the server is unreachable (the form stays filled in), "recovered" once it got through.
 */
export function useResilientAction<S extends Outcome, P extends Payload>(
  action: ServerAction<S | null, P>,
  initial: S | null = null,
) {
  const sender = useRef<Sender>({ pending: null });
  // A page drawn with a result of a native post (`initial`) that was a repeat says so, as a repeat sent by script does.
  const [delivery, setDelivery] = useState<Delivery>({
    waiting: null,
    recovered: initial?.ok && initial.replayed ? DELIVERY_TEXT.replayed : null,
  });
  const run = useCallback(
    async (previous: S | null, payload: P): Promise<S | null> => {
      setDelivery({ waiting: null, recovered: null });
      const { result, waited, gaveUp } = await deliver(action, previous, payload, sender.current, (waiting) =>
        setDelivery({ waiting: waiting ? DELIVERY_TEXT.waiting : null, recovered: null }),
      );
      if (gaveUp) {
        setDelivery({ waiting: null, recovered: null });
        // Echo what was typed: React resets a form's uncontrolled fields when its action ends.
        return {
          ok: false,
          formError: DELIVERY_TEXT.gaveUp,
          fieldErrors: {},
          values: echo(payload),
          retryable: true,
        } as unknown as S;
      }
      if (result?.ok && (waited || result.replayed)) {
        setDelivery({ waiting: null, recovered: waited ? DELIVERY_TEXT.recovered : DELIVERY_TEXT.replayed });
      }
      keepFocusPlace();
      return result;
    },
    [action],
  );
  const [state, dispatch, pending] = useActionState<S | null, P>(
    run as (previous: Awaited<S> | null, payload: P) => Promise<S | null>,
    initial as Awaited<S> | null,
  );
  return [state, dispatch, pending, delivery] as const;
}
