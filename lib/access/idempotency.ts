import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import type { Actor } from '@/lib/auth/types';
import { ActionRefusal } from './errors';

/** The form field that carries the key. Forms make one per submission and keep it for its retries. */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;

export const IDEMPOTENCY_MESSAGES = {
  badKey: 'This form is out of date. Reload the page and send it again.',
  reused: 'This form was already sent with other answers. Reload the page to see what was saved.',
} as const;

/** Takes the key out of the submitted values (the action's own schema never sees it). */
export function takeIdempotencyKey(raw: Record<string, unknown>): string | null {
  const value = raw[IDEMPOTENCY_FIELD];
  delete raw[IDEMPOTENCY_FIELD];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) throw new ActionRefusal(IDEMPOTENCY_MESSAGES.badKey);
  return value;
}

/** Digest of what was asked, so one key cannot be replayed for different answers. Key order does not matter. */
export function requestHash(action: string, input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify([action, canonical(input)])).digest('base64url');
}

// Results go through JSON; dates are tagged so a replay returns the same shape as the first answer.
const DATE_TAG = '$date';
function encodeResult(data: unknown): unknown {
  return JSON.parse(
    JSON.stringify(data ?? null, function (this: Record<string, unknown>, key, value) {
      const original = this[key];
      return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : value;
    }),
  );
}
function decodeResult<T>(stored: unknown): T {
  return JSON.parse(JSON.stringify(stored), (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value[DATE_TAG] === 'string'
      ? new Date(value[DATE_TAG])
      : value,
  ) as T;
}

export type Claim<T> = { replay: false } | { replay: true; data: T };

/**
 * Claims the key inside the action's transaction. A concurrent request with the same key waits on the
 * primary key until the first commits (then replays its result) or rolls back (then claims it itself).
 */
export async function claimIdempotencyKey<T>(tx: Tx, actor: Actor, action: string, key: string, hash: string): Promise<Claim<T>> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ practiceId: actor.practiceId, userId: actor.userId, key, action, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return { replay: false };
  const [earlier] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.practiceId, actor.practiceId), eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key)));
  if (!earlier || earlier.action !== action || earlier.requestHash !== hash) throw new ActionRefusal(IDEMPOTENCY_MESSAGES.reused);
  return { replay: true, data: decodeResult<T>(earlier.result) };
}

export async function recordIdempotentResult(tx: Tx, actor: Actor, key: string, data: unknown): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ result: sql`${JSON.stringify(encodeResult(data))}::jsonb` })
    .where(and(eq(idempotencyKeys.practiceId, actor.practiceId), eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key)));
}

/**
 * Errors that mean "the database could not be reached or the transaction was cut off": nothing was
 * committed, and the same request with the same key may simply be sent again.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08P01', // PgBouncer reports its own failures (server down, pool timeout) with this code
]);

export function isTransientDatabaseError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  }
  return false;
}
