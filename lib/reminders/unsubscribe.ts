import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { appOrigin } from '@/lib/invitations/links';

export const CHANNELS = ['email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

export type UnsubscribeTarget = { practiceId: string; clientId: string; channel: Channel };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(payload: string): string {
  return createHmac('sha256', getAuthSecret()).update(`unsubscribe:${payload}`).digest('base64url');
}

/**
 * A one-click unsubscribe token: which client and channel, signed with the session secret, so the
 * link works without signing in and cannot be made up for someone else. It names no person.
 */
export function unsubscribeToken(target: UnsubscribeTarget): string {
  const payload = Buffer.from(`${target.practiceId}.${target.clientId}.${target.channel}`).toString('base64url');
  return `${payload}.${signature(payload)}`;
}

export function readUnsubscribeToken(token: string): UnsubscribeTarget | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [practiceId, clientId, channel] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (!practiceId || !clientId || !UUID.test(practiceId) || !UUID.test(clientId)) return null;
  if (!(CHANNELS as readonly string[]).includes(channel ?? '')) return null;
  return { practiceId, clientId, channel: channel as Channel };
}

/** The page a person opens from the email's body: it asks before it stops anything. */
export async function unsubscribeUrl(target: UnsubscribeTarget): Promise<string> {
  return `${await appOrigin()}/unsubscribe/${unsubscribeToken(target)}`;
}

/**
 * The address for the List-Unsubscribe header (RFC 8058): a mail client's "Unsubscribe" button POSTs
 * `List-Unsubscribe=One-Click` to it and the channel stops at once, with no page in between.
 */
export async function oneClickUnsubscribeUrl(target: UnsubscribeTarget): Promise<string> {
  return `${await appOrigin()}/api/unsubscribe/${unsubscribeToken(target)}`;
}
