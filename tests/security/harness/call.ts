import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { ActionFn } from './inventory';

export type CallResult =
  | { kind: 'ok'; value: unknown }
  | { kind: 'refused'; value: { ok: false; formError: string | null; fieldErrors: Record<string, string[]> } }
  | { kind: 'error'; detail: string };

/** Where in an answer an object without a prototype sits (React refuses to serialise one), or null. */
function nullPrototypePath(value: unknown, path = 'result', depth = 0): string | null {
  if (value === null || typeof value !== 'object' || depth > 30) return null;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) === null) return path;
  for (const key of Object.keys(value)) {
    const found = nullPrototypePath((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The wrapper's answer to an unexpected failure, however it is worded around the reference. */
const UNEXPECTED = /something went wrong/i;

/**
 * Calls a server action the way a POST would reach it, and sorts the answer: done (a result with
 * ok:true, a redirect, or nothing), refused (ok:false), or a server error: a throw, any answer of
 * "something went wrong" (what a 500 becomes), or an error the server logged while answering (a
 * failure swallowed into an ordinary-looking refusal is still a failure).
 */
export async function callAction(fn: ActionFn, payload: FormData | Record<string, unknown>): Promise<CallResult> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
  let value: unknown;
  try {
    value = await fn(null, payload);
  } catch (error) {
    if (isRedirectError(error)) value = { redirect: true };
    else return { kind: 'error', detail: `threw ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 200)}` };
  } finally {
    console.error = original;
  }
  if (logged.length) return { kind: 'error', detail: `logged "${logged[0]!.slice(0, 200)}"` };
  const unsendable = nullPrototypePath(value);
  if (unsendable) return { kind: 'error', detail: `answered with an object React cannot send to the browser (null prototype at ${unsendable})` };
  if (value && typeof value === 'object' && 'ok' in value) {
    const result = value as { ok: boolean; formError?: string | null; fieldErrors?: Record<string, string[]> };
    if (result.ok) return { kind: 'ok', value };
    const messages = [result.formError ?? '', ...Object.values(result.fieldErrors ?? {}).flat()];
    const unexpected = messages.find((m) => typeof m === 'string' && UNEXPECTED.test(m));
    if (unexpected !== undefined) return { kind: 'error', detail: `answered "${unexpected}"` };
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
