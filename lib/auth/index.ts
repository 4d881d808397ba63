import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './config';
import { authorizeCredentials } from './credentials';
import { endSession } from './sessions';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  events: {
    // Both doors (the sign-out button's action and POST /api/auth/signout) end the row, not just the cookie.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token && typeof token.sessionId === 'string' && token.sub) {
        await endSession({ sessionId: token.sessionId, userId: token.sub }, 'signOut');
      }
    },
  },
});
