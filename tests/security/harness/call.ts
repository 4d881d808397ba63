import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { MESSAGES } from '../../../lib/access/errors';
import type { ActionFn } from './inventory';

export type CallResult =
  | { kind: 'ok'; value: unknown }
  | { kind: 'refused'; value: { ok: false; formError: string | null; fieldErrors: Record<string, string[]> } }
  | { kind: 'error'; detail: string };

/**
 * Calls a server action the way a POST would reach it, and sorts the answer: done (a result with
 * ok:true, a redirect, or nothing), refused (ok:false), or a server error (a throw, or the wrapper's
 * "something went wrong", which is what a 500 becomes).
 */
export async function callAction(fn: ActionFn, payload: FormData | Record<string, unknown>): Promise<CallResult> {
  let value: unknown;
  try {
    value = await fn(null, payload);
  } catch (error) {
    if (isRedirectError(error)) return { kind: 'ok', value: { redirect: true } };
    return { kind: 'error', detail: `threw ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 200)}` };
  }
  if (value && typeof value === 'object' && 'ok' in value) {
    const result = value as { ok: boolean; formError?: string | null; fieldErrors?: Record<string, string[]> };
    if (result.ok) return { kind: 'ok', value };
    if (typeof result.formError === 'string' && result.formError.startsWith(MESSAGES.unexpected)) {
      return { kind: 'error', detail: `answered "${result.formError}"` };
    }
    return { kind: 'refused', value: { ok: false, formError: result.formError ?? null, fieldErrors: result.fieldErrors ?? {} } };
  }
  return { kind: 'ok', value };
}

/** Text of a value for leak scanning: strings, nested objects and arrays, Dates, Sets and Maps. */
export function textOf(value: unknown): string {
  const seen = new WeakSet<object>();
  const parts: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (v == null || depth > 40) return;
    if (typeof v === 'string') return void parts.push(v);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return void parts.push(String(v));
    if (typeof v !== 'object') return;
    if (seen.has(v)) return;
    seen.add(v);
    if (v instanceof Date) return void parts.push(v.toISOString());
    if (v instanceof Map) return v.forEach((val, key) => (visit(key, depth + 1), visit(val, depth + 1)));
    if (v instanceof Set || Array.isArray(v)) return [...v].forEach((x) => visit(x, depth + 1));
    for (const [key, val] of Object.entries(v)) {
      if (key === '_owner' || key === '_store' || key === '_debugStack' || key === '_debugTask') continue;
      visit(val, depth + 1);
    }
  };
  visit(value, 0);
  return parts.join('\n');
}
