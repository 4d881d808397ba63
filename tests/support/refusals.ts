import { expect } from 'vitest';

/** The SQLSTATE of a database error, looking through the wrappers (drizzle's, the driver's) around it. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Postgres refused the statement for lack of privilege: SQLSTATE 42501 ("permission denied", or a row-level
 * security policy's WITH CHECK). Any other failure — a syntax error, a missing table, a constraint — fails
 * the test, since it would hide a grant or policy that lets the statement through.
 */
export async function expectPermissionDenied(work: Promise<unknown>, what = 'the statement'): Promise<void> {
  let refused = false;
  let error: unknown;
  try {
    await work;
  } catch (caught) {
    refused = true;
    error = caught;
  }
  expect(refused, `${what} should have been refused`).toBe(true);
  expect(sqlStateOf(error), `${what}: ${String((error as Error | undefined)?.message ?? error).slice(0, 120)}`).toBe('42501');
}
