import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult, FieldErrors } from '@/lib/access/action';
import { ActionRefusal, MESSAGES } from '@/lib/access/errors';
import { echoValues, formToObject, unstorableTextErrors } from '@/lib/access/form-data';
import { dictionary, plainOutput } from '@/lib/security/input';
import { logServerError } from '@/lib/security/log';

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out = dictionary<string[]>();
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The few actions that run before there is an actor (sign-up, accepting a link): the same parse →
 * run → typed result as defineAction, without a session. `run` may end in Next's redirect.
 */
export async function runPublicAction<S extends z.ZodType, T>(
  def: PublicActionDefinition<S, T>,
  payload: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  // Maps built from input have no prototype; what goes back to the browser must be plain objects.
  return plainOutput(await answer(def, payload));
}

type PublicActionDefinition<S extends z.ZodType, T> = { name: string; input: S; secretFields: readonly string[]; run: (input: z.output<S>) => Promise<T> };

async function answer<S extends z.ZodType, T>(def: PublicActionDefinition<S, T>, payload: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
  const raw = formToObject(payload);
  const values = echoValues(raw, def.secretFields);
  const unstorable = unstorableTextErrors(raw);
  if (unstorable) return { ok: false, formError: unstorable._form?.[0] ?? MESSAGES.invalid, fieldErrors: unstorable, values };
  const parsed = await def.input.safeParseAsync(raw);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return { ok: false, formError: fieldErrors._form?.[0] ?? MESSAGES.invalid, fieldErrors, values };
  }
  try {
    return { ok: true, data: await def.run(parsed.data as z.output<S>) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionRefusal) return { ok: false, formError: error.message, fieldErrors: error.fieldErrors, values };
    const errorId = logServerError(`action ${def.name}`, error);
    return { ok: false, formError: `${MESSAGES.unexpected} (ref ${errorId})`, fieldErrors: {}, values };
  }
}
