import type { NextAuthConfig } from 'next-auth';
import { getAuthSecret } from './secret';
import { SESSION_POLICY, sessionExpiry } from './session-policy';

const secureCookies = process.env.NODE_ENV === 'production' && process.env.MEND_INSECURE_COOKIES !== '1';

/** What the signed cookie carries: identifiers only. Roles and status are re-read from the database. */
export type SessionClaims = {
  userId: string;
  membershipId: string;
  practiceId: string;
  sessionVersion: number;
  loginAt: number;
  lastActiveAt: number;
  idleMinutes: number;
};

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy
 * (which only turns away the signed-out) and the full configuration in ./index.ts.
 */
export const authConfig = {
  secret: getAuthSecret(),
  trustHost: true,
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_POLICY.absoluteHours * 3600 },
  cookies: {
    sessionToken: {
      name: secureCookies ? '__Host-mend.session' : 'mend.session',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies },
    },
  },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      const now = Date.now();
      if (user) {
        const claims = user as unknown as Omit<SessionClaims, 'loginAt' | 'lastActiveAt'>;
        return {
          sub: claims.userId,
          userId: claims.userId,
          membershipId: claims.membershipId,
          practiceId: claims.practiceId,
          sessionVersion: claims.sessionVersion,
          idleMinutes: claims.idleMinutes,
          loginAt: now,
          lastActiveAt: now,
        };
      }
      const clock = token as unknown as Partial<SessionClaims>;
      if (typeof clock.loginAt !== 'number' || typeof clock.lastActiveAt !== 'number') return null;
      const expired = sessionExpiry(
        { loginAt: clock.loginAt, lastActiveAt: clock.lastActiveAt, idleMinutes: clock.idleMinutes ?? 0 },
        now,
      );
      if (expired) return null;
      return { ...token, lastActiveAt: now };
    },
    session({ session, token }) {
      const claims = token as unknown as SessionClaims;
      return {
        ...session,
        user: { id: claims.userId, email: session.user?.email ?? '', name: session.user?.name ?? '' },
        claims: {
          userId: claims.userId,
          membershipId: claims.membershipId,
          practiceId: claims.practiceId,
          sessionVersion: claims.sessionVersion,
          loginAt: claims.loginAt,
          lastActiveAt: claims.lastActiveAt,
          idleMinutes: claims.idleMinutes,
        },
      };
    },
  },
} satisfies NextAuthConfig;
