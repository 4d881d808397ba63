import { describe, expect, it } from 'vitest';
import { authConfig } from '../../../lib/auth/config';
import { SESSION_POLICY } from '../../../lib/auth/session-policy';

type JwtArgs = Parameters<typeof authConfig.callbacks.jwt>[0];
type SessionArgs = Parameters<typeof authConfig.callbacks.session>[0];

const jwt = (args: Partial<JwtArgs>) => authConfig.callbacks.jwt({ token: {}, ...args } as JwtArgs);

describe('the session cookie (Auth.js callbacks)', () => {
  it('lives no longer than the absolute limit of 12 hours, idles out after 15 minutes by default, 30 at most', () => {
    expect(SESSION_POLICY).toEqual({ defaultIdleMinutes: 15, maxIdleMinutes: 30, absoluteHours: 12 });
    expect(authConfig.session).toEqual({ strategy: 'jwt', maxAge: 43_200 });
  });

  it('puts only the session row and its user in the token at sign-in', () => {
    const user = { userId: 'u-1', sessionId: 's-1', email: 'dana@northside.example', name: 'Dana' };
    expect(jwt({ token: { email: 'dana@northside.example', name: 'Dana' }, user: user as unknown as JwtArgs['user'] })).toEqual({ sub: 'u-1', sessionId: 's-1' });
  });

  it('keeps a token that names its session and user, and drops any other (signing the browser out)', () => {
    expect(jwt({ token: { sub: 'u-1', sessionId: 's-1', exp: 1 } })).toEqual({ sub: 'u-1', sessionId: 's-1', exp: 1 });
    expect(jwt({ token: { sub: 'u-1' } })).toBeNull();
    expect(jwt({ token: { sessionId: 's-1' } })).toBeNull();
    expect(jwt({ token: { sub: 'u-1', sessionId: 42 } as unknown as JwtArgs['token'] })).toBeNull();
  });

  it('hands the request the claims to check against the database, and nothing the token could invent', () => {
    const session = authConfig.callbacks.session({
      session: { user: { email: 'dana@northside.example', name: 'Dana', role: 'admin' }, expires: '2026-03-01T00:00:00Z' },
      token: { sub: 'u-1', sessionId: 's-1', role: 'admin', practiceId: 'p-9' },
    } as unknown as SessionArgs) as unknown as Record<string, unknown>;
    expect(session.claims).toEqual({ sessionId: 's-1', userId: 'u-1' });
    expect(session.user).toEqual({ id: 'u-1', email: 'dana@northside.example', name: 'Dana' });
    expect(JSON.stringify(session)).not.toContain('p-9');
  });
});
