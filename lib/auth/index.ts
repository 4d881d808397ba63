import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './config';
import { verifyCredentials } from './credentials';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => {
        const claims = await verifyCredentials(credentials);
        // Auth.js passes this object to the jwt callback, which keeps only the claims.
        return claims ? { id: claims.userId, ...claims } : null;
      },
    }),
  ],
});
