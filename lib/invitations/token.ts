import { createHash, randomBytes } from 'node:crypto';

/** An invitation link is valid this long (the 7 days). */
export const INVITATION_TTL_DAYS = 7;
/** A password-reset link is shorter-lived: it replaces a working password rather than creating one. */
export const RESET_TTL_HOURS = 24;

const TOKEN_BYTES = 32;

/** A fresh single-use token. Only `hash` is stored; `token` travels in the link and nowhere else. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens are 43 base64url characters; anything else is not worth a database round trip. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Used and revoked win over expired: the page should say what actually happened to the link. */
export function invitationState(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): InvitationState {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export function invitationExpiry(now: Date = new Date()): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
}

export function resetExpiry(now: Date = new Date()): Date {
  return new Date(now.getTime() + RESET_TTL_HOURS * 3_600_000);
}
