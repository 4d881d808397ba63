'use client';

/** What the server actions return (see lib/access/action.ts), as far as retrying needs to know. */
export type Outcome = { ok: boolean; retryable?: boolean; replayed?: boolean };
export type Payload = FormData | Record<string, unknown>;
export type ServerAction<S, P> = (previous: S, payload: P) => Promise<S>;

/** Must match IDEMPOTENCY_FIELD in lib/access/idempotency.ts. */
export const KEY_FIELD = 'idempotencyKey';
/** How long a form keeps trying by itself before it hands the decision back to the person. */
const GIVE_UP_AFTER_MS = 120_000;

export type Delivery = {
  /** Shown while a submission waits for the connection or the server to come back. */
  waiting: string | null;
  /** Shown once a submission that had to wait got through, or turned out to be saved already. */
  recovered: string | null;
};

export const DELIVERY_TEXT = {
  waiting: 'Mend can’t be reached right now. Your answers are kept on this screen and will be sent as soon as the connection is back.',
  recovered: 'The connection came back and your answers were sent. Nothing was saved twice.',
  replayed: 'This was already saved — nothing was saved twice.',
  gaveUp: 'Still not sent: Mend could not be reached for two minutes. Your answers are still here; press the button again to send them.',
} as const;

function fingerprint(payload: Payload): string {
  if (payload instanceof FormData) {
    return JSON.stringify([...payload.entries()].filter(([k, v]) => k !== KEY_FIELD && typeof v === 'string'));
  }
  const { [KEY_FIELD]: _ignored, ...rest } = payload;
  return JSON.stringify(rest);
}

function withKey<P extends Payload>(payload: P, key: string): P {
  if (payload instanceof FormData) {
    const copy = new FormData();
    for (const [k, v] of payload.entries()) if (k !== KEY_FIELD) copy.append(k, v);
    copy.append(KEY_FIELD, key);
    return copy as P;
  }
  return { ...payload, [KEY_FIELD]: key };
}

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for the browser to say it is online again, or for the back-off delay, whichever comes first. */
function waitForRetry(attempt: number): Promise<void> {
  const delay = Math.min(500 * 2 ** attempt, 5_000);
  if (typeof window === 'undefined' || navigator.onLine) return sleep(delay);
  return new Promise<void>((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 30_000);
    window.addEventListener('online', done);
  });
}

export type Sender = {
  /** Remembers the key of a submission whose outcome is unknown, so sending the same answers again reuses it. */
  pending: { key: string; fingerprint: string } | null;
};

/**
 * The payload with its idempotency key: the same answers as the last unanswered send keep that send's key,
 * other answers get a new one. Call `sender.pending = null` once the server has answered.
 */
export function keyedPayload<P extends Payload>(sender: Sender, payload: P): P {
  const print = fingerprint(payload);
  if (!sender.pending || sender.pending.fingerprint !== print) sender.pending = { key: newKey(), fingerprint: print };
  return withKey(payload, sender.pending.key);
}

/**
 * Sends one submission with an idempotency key and keeps sending it (same key, same answers) while the
 * network or the server is down. The server does the work at most once per key, so a retry after a
 * timeout gets the first answer back instead of writing twice. Gives up after two minutes, keeping the key.
 */
export async function deliver<S extends Outcome, P extends Payload>(
  action: ServerAction<S | null, P>,
  previous: S | null,
  payload: P,
  sender: Sender,
  onWaiting: (waiting: boolean) => void,
): Promise<{ result: S | null; waited: boolean; gaveUp: boolean }> {
  const body = keyedPayload(sender, payload);
  const started = Date.now();
  let waited = false;
  for (let attempt = 0; ; attempt++) {
    let result: S | null = null;
    let unreachable = false;
    try {
      result = await action(previous, body);
      unreachable = !!result && !result.ok && !!result.retryable;
    } catch (error) {
      // A server that was redeployed does not know this form's action any more: retrying cannot help.
      if ((error as Error)?.name === 'UnrecognizedActionError') throw error;
      unreachable = true;
    }
    if (!unreachable) {
      sender.pending = null;
      if (waited) onWaiting(false);
      return { result, waited, gaveUp: false };
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      onWaiting(false);
      return { result, waited, gaveUp: true };
    }
    if (!waited) onWaiting(true);
    waited = true;
    await waitForRetry(attempt);
  }
}
