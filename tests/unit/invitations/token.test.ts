import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, invitationExpiry, invitationState, looksLikeToken, newToken, resetExpiry } from '../../../lib/invitations/token';

describe('invitation tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const { token, hash } = newToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toBe(hash);
    expect(newToken().token).not.toBe(token);
  });

  it('rejects anything that is not a token before any lookup', () => {
    for (const bad of ['', 'short', 'x'.repeat(44), `${'a'.repeat(42)}=`, '../'.repeat(15)]) expect(looksLikeToken(bad)).toBe(false);
  });

  it('reads used and withdrawn before expired, and expires at the instant', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const base = { acceptedAt: null, revokedAt: null, expiresAt: invitationExpiry(now) };
    expect(invitationState(base, now)).toBe('pending');
    expect(invitationState(base, new Date(base.expiresAt.getTime()))).toBe('expired');
    expect(invitationState({ ...base, acceptedAt: now, expiresAt: new Date(0) }, now)).toBe('accepted');
    expect(invitationState({ ...base, revokedAt: now, expiresAt: new Date(0) }, now)).toBe('revoked');
    expect(invitationExpiry(now).getTime() - now.getTime()).toBe(7 * 86_400_000);
    expect(resetExpiry(now).getTime() - now.getTime()).toBe(24 * 3_600_000);
  });
});
