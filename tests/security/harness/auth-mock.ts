/**
 * Stands in for lib/auth/index.ts (Auth.js), which needs a live request for its cookies. The
 * credentials check itself is the real one (authorizeCredentials), fed a request with the headers
 * a proxy would set, so throttling and the sign-in action run exactly as in the server.
 */
import { CredentialsSignin } from '@auth/core/errors';
import { redirect } from 'next/navigation';
import { authorizeCredentials } from '../../../lib/auth/credentials';

export const requestHeaders = { current: new Headers({ 'x-real-ip': '198.51.100.7' }) };

export async function signIn(_provider: string, options: { email?: string; password?: string; redirect?: boolean; redirectTo?: string } = {}) {
  const request = new Request('http://localhost/api/auth/callback/credentials', { method: 'POST', headers: requestHeaders.current });
  const user = await authorizeCredentials({ email: options.email, password: options.password }, request);
  if (!user) throw new CredentialsSignin();
  if (options.redirect === false) return '/';
  redirect(options.redirectTo ?? '/');
}

export async function signOut(options: { redirectTo?: string } = {}) {
  redirect(options.redirectTo ?? '/');
}

/** The session of whoever the test acts as (tests/security/harness/world.ts actAsKey). */
export async function auth() {
  const session = (globalThis as { __mendTestSession?: { resolve: (() => Promise<unknown>) | null } }).__mendTestSession;
  const claims = session?.resolve ? await session.resolve() : null;
  return claims ? { claims } : null;
}

export const handlers = {};
