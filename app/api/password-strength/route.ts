import { NextResponse } from 'next/server';
import { MAX_PASSWORD_LENGTH, passwordUserInputs } from '@/lib/auth/password-policy';
import { passwordStrength } from '@/lib/auth/password-strength';
import { readBodyWithin } from '@/lib/security/body';

/** A password, and at most a few words about its owner: a larger body is not a meter's question. */
const MAX_BODY_BYTES = 4096;
const MAX_ABOUT = 4;

const answer = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * The strength meter beside a new-password field asks here as the person types, so the browser never downloads
 * the zxcvbn dictionaries (megabytes). Public, like the sign-up and invitation pages that use it: it reads
 * nothing, writes nothing and logs nothing; the password is only scored. The action that sets a password
 * checks again on its own (lib/auth/password-strength.ts).
 */
export async function POST(request: Request) {
  const text = await readBodyWithin(request, MAX_BODY_BYTES);
  if (text === null) return answer({ error: 'Too large.' }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer({ error: 'Send JSON.' }, 400);
  }
  const { password, about } = (body ?? {}) as { password?: unknown; about?: unknown };
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) return answer({ error: 'Send a password.' }, 400);
  const words = Array.isArray(about) ? about.filter((v): v is string => typeof v === 'string').slice(0, MAX_ABOUT).map((v) => v.slice(0, 254)) : [];
  const { score, acceptable, warning, suggestions } = await passwordStrength(password, passwordUserInputs(...words));
  return answer({ score, acceptable, warning, suggestions });
}
