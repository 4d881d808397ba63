import 'server-only';
import { redirect } from 'next/navigation';

/**
 * Signs a person in right after a committed change that set their password (sign-up, an
 * invitation, a reset, a password change). The change stands whatever happens here: if sign-in is
 * refused (say the account is paused after repeated failed attempts), they are sent to the sign-in
 * page with a notice instead of being told that nothing was saved.
 */
export async function signInAfterChange(email: string, password: string, redirectTo: string): Promise<void> {
  // Loaded on use: Auth.js pulls in Next's server runtime, which plain module imports (tests) lack.
  const { signIn } = await import('./index');
  const { AuthError } = await import('next-auth');
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) redirect('/login?saved=1');
    throw error;
  }
}
