import type { NextAuthConfig } from 'next-auth';
import { getAuthSecret } from './secret';
import { secureCookies } from './cookie-policy';
import { SESSION_POLICY } from './session-policy';

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy
 * (which only turns away the signed-out) and the full configuration in ./index.ts.
 * The signed cookie carries a session row's id and its user, nothing else: whether the session is
 * alive, and who the person is in which practice, is read from the database at every request
 * (lib/auth/actor.ts). The token itself keeps no clock.
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
      if (user) {
        const started = user as unknown as { userId: string; sessionId: string };
        return { sub: started.userId, sessionId: started.sessionId };
      }
      return typeof token.sessionId === 'string' && typeof token.sub === 'string' ? token : null;
    },
    session({ session, token }) {
      const sessionId = typeof token.sessionId === 'string' ? token.sessionId : '';
      const userId = token.sub ?? '';
      return {
        ...session,
        user: { id: userId, email: session.user?.email ?? '', name: session.user?.name ?? '' },
        claims: { sessionId, userId },
      };
    },
  },
} satisfies NextAuthConfig;
