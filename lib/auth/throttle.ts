import 'server-only';
import { createHmac } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { withoutPractice } from '@/lib/access/system-scope';
import { signInThrottle } from '@/db/schema';
import { getAuthSecret } from './secret';

/**
 * Failed sign-ins are counted per account and per address, in Postgres so that every server
 * instance sees the same counters. The per-account limit is the one an attacker cannot dodge;
 * the per-address limit is higher because a clinic's staff may share one public address.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountFailures: 5,
  addressFailures: 20,
} as const;

export const THROTTLED_MESSAGE = `Too many sign-in attempts. For your security, sign-in is paused for ${THROTTLE.lockMinutes} minutes; please try again later.`;

export type ThrottleKey = { key: string; limit: number };

/**
 * Keyed hashes, so the table holds no email or address and a leaked table cannot be reversed by
 * hashing a list of known emails without the server's secret.
 */
function hashKey(kind: 'account' | 'address', value: string): string {
  return createHmac('sha256', getAuthSecret()).update(`mend.sign-in-throttle:${kind}:${value}`).digest('hex');
}

export function throttleKeys(email: string, address: string | null | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: hashKey('account', email.trim().toLowerCase()), limit: THROTTLE.accountFailures }];
  if (address) keys.push({ key: hashKey('address', address), limit: THROTTLE.addressFailures });
  return keys;
}

/**
 * The caller's address as the nearest proxy saw it. `X-Real-IP` is set by the usual reverse
 * proxies; otherwise the last `X-Forwarded-For` entry is the one added by the proxy (or by Next
 * itself when there is none), whereas the first entries are whatever the client chose to send.
 */
export function clientAddress(headers: Headers | null | undefined): string | null {
  if (!headers) return null;
  const real = headers.get('x-real-ip')?.trim();
  if (real) return real.slice(0, 100);
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last ? last.slice(0, 100) : null;
}

export async function isThrottled(keys: ThrottleKey[], now = new Date()): Promise<boolean> {
  if (!keys.length) return false;
  const rows = await withoutPractice((tx) =>
    tx
      .select({ key: signInThrottle.key })
      .from(signInThrottle)
      .where(and(inArray(signInThrottle.key, keys.map((k) => k.key)), gt(signInThrottle.lockedUntil, now)))
      .limit(1),
  );
  return rows.length > 0;
}

/** One more failure on each key; a key reaching its limit is locked. Atomic, so parallel attempts all count. */
export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMinutes * 60_000).toISOString();
  const at = now.toISOString();
  await withoutPractice(async (tx) => {
    for (const { key, limit } of keys) {
      const stale = sql`sign_in_throttle.window_started_at <= ${windowStart}::timestamptz`;
      const next = sql`case when ${stale} then 1 else sign_in_throttle.failures + 1 end`;
      await tx.execute(sql`
        insert into sign_in_throttle (key, failures, window_started_at, locked_until)
        values (${key}, 1, ${at}::timestamptz, case when 1 >= ${limit}::int then ${lockUntil}::timestamptz else null end)
        on conflict (key) do update set
          failures = ${next},
          window_started_at = case when ${stale} then ${at}::timestamptz else sign_in_throttle.window_started_at end,
          locked_until = case when ${next} >= ${limit}::int then ${lockUntil}::timestamptz else sign_in_throttle.locked_until end`);
    }
  });
}

/** A successful sign-in clears the account's counter. The address counter runs out on its own, so one
 * good password cannot be used to reset the count while guessing at other accounts from the same place. */
export async function clearAccount(keys: ThrottleKey[]): Promise<void> {
  const account = keys[0];
  if (!account) return;
  await withoutPractice((tx) => tx.delete(signInThrottle).where(eq(signInThrottle.key, account.key)));
}
