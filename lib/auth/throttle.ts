import 'server-only';
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { callSelfScoped as selfScoped } from '@/lib/access/system-scope';
import { getAuthSecret } from './secret';
import { peerAddressTrusted, PEER_ADDRESS_HEADER } from '@/lib/security/peer-address';

/**
 * Failed sign-ins are counted in Postgres (so every server instance sees the same counts), on three
 * keys: the account at one address (tight: the owner's own typos, or a guesser at one place), the
 * address across accounts (one place spraying many accounts) and the account from anywhere (loose:
 * a growing delay, never a long lock). A successful sign-in marks its account-and-address pair as
 * known, and a known pair is never held by the address or account limits: someone guessing from
 * elsewhere cannot keep the owner out. The counting is done by SECURITY DEFINER functions
 * (db/migrations, `sign_in_failed`); the application role can neither read nor change the table, and
 * nothing it can call lowers a count. These numbers mirror those functions.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  pairFailures: 5,
  addressFailures: 20,
  accountFreeFailures: 10,
  accountWindowHours: 24,
  accountMaxDelaySeconds: 300,
  knownPairDays: 30,
} as const;

export const THROTTLED_MESSAGE = `Too many sign-in attempts. For your security, sign-in is paused for a while (at most ${THROTTLE.lockMinutes} minutes); please try again later.`;

export type ThrottleKeys = { pair: string; account: string; address: string };

/**
 * Keyed hashes, so the table holds no email or address and a leaked table cannot be reversed by
 * hashing a list of known emails without the server's secret.
 */
function hashKey(kind: 'pair' | 'account' | 'address', value: string): string {
  return createHmac('sha256', getAuthSecret()).update(`mend.sign-in-throttle:${kind}:${value}`).digest('hex');
}

export function throttleKeys(email: string, address: string | null | undefined): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return {
    pair: hashKey('pair', `${account}\n${address ?? ''}`),
    account: hashKey('account', account),
    address: address ? hashKey('address', address) : '',
  };
}

/** How many proxies in front of Mend add themselves to X-Forwarded-For (MEND_TRUSTED_PROXY_HOPS, default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number.parseInt(env.MEND_TRUSTED_PROXY_HOPS ?? '0', 10);
  return Number.isFinite(hops) && hops > 0 ? Math.min(hops, 10) : 0;
}

/**
 * The caller's address. With no trusted proxy it is the socket's peer, and forwarding headers are
 * ignored (anyone can send them). Behind N trusted proxies it is the address the outermost trusted
 * proxy saw: the Nth entry from the right of X-Forwarded-For followed by the socket's peer (entries
 * further left are whatever the client chose to send), or X-Real-IP when there is no X-Forwarded-For.
 */
export function clientAddressFrom(input: { peer: string | null; forwardedFor?: string | null; realIp?: string | null; hops: number }): string | null {
  const peer = input.peer?.trim() || null;
  if (input.hops <= 0) return peer;
  const chain = (input.forwardedFor ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (!chain.length) return input.realIp?.trim().slice(0, 100) || peer;
  if (peer) chain.push(peer);
  const index = Math.max(0, chain.length - 1 - input.hops);
  return chain[index]!.slice(0, 100);
}

/** The address of the request whose headers these are (the socket's peer comes from lib/security/peer-address.ts). */
export function clientAddress(headers: Headers | null | undefined): string | null {
  if (!headers) return null;
  const peer = peerAddressTrusted() ? headers.get(PEER_ADDRESS_HEADER) : null;
  return clientAddressFrom({
    peer,
    forwardedFor: headers.get('x-forwarded-for'),
    realIp: headers.get('x-real-ip'),
    hops: trustedProxyHops(),
  });
}

export async function isThrottled(keys: ThrottleKeys): Promise<boolean> {
  const [row] = await selfScoped<{ throttled: boolean }>(
    sql`select sign_in_throttled(${keys.pair}, ${keys.account}, ${keys.address}) as throttled`,
  );
  return row?.throttled === true;
}

/** One more failure on each key, counted atomically in the database (parallel attempts all count). */
export async function recordFailure(keys: ThrottleKeys): Promise<void> {
  await selfScoped(sql`select sign_in_failed(${keys.pair}, ${keys.account}, ${keys.address})`);
}

/** Marks the pair as known; it lowers no count (an attacker's failures run out only with their window). */
export async function recordSuccess(keys: ThrottleKeys): Promise<void> {
  await selfScoped(sql`select sign_in_succeeded(${keys.pair})`);
}
