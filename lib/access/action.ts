import 'server-only';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { inSequence } from '@/db/prepared';
import type { Actor } from '@/lib/auth/types';
import type { AuditAction } from '@/lib/audit/labels';
import { type AuditEntry, recordAudit } from '@/lib/audit/record';
import { currentActor } from './current-actor';
import { ActionRefusal, MESSAGES } from './errors';
import { echoValues, formToObject, unstorableTextErrors } from './form-data';
import { claimIdempotencyKey, isTransientDatabaseError, recordIdempotentResult, requestHash, takeIdempotencyKey } from './idempotency';
import { can, type Permission } from './permissions';
import { withActor } from './scope';
import { dictionary, plainOutput } from '@/lib/security/input';
import { logServerError } from '@/lib/security/log';

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = unknown> =
  /** `replayed`: this exact request was already done (a retry); `data` is the first answer and nothing was written again. */
  | { ok: true; data: T; message?: string; replayed?: true }
  | {
      ok: false;
      formError: string | null;
      fieldErrors: FieldErrors;
      values?: Record<string, string | string[]>;
      /** Nothing was saved because the database was unreachable: the form may send the same request again. */
      retryable?: true;
    };

export type ActionContext<I> = {
  actor: Actor;
  input: I;
  tx: Tx;
  /** Sets what the action's audit row records (entity, client, meta). Add more rows with `also`. */
  audit: (entry: Omit<AuditEntry, 'action'> & { action?: AuditAction }) => void;
  alsoAudit: (entry: AuditEntry) => void;
  /**
   * Writes no row for this call: only for repeated saves the trail already holds, such as a draft saved again
   * within one sitting (its "started" row stands for the sitting). Rows are append-only, so they are folded by
   * not writing them rather than by updating a count.
   */
  skipAudit: () => void;
};

export type ActionDefinition<S extends z.ZodType, T> = {
  /** Recorded as the audit action, e.g. "client.create"; it must have a label in lib/audit/labels.ts. */
  name: AuditAction;
  permission: Permission;
  input: S;
  /** Fields never echoed back to the browser (passwords). */
  secretFields?: readonly string[];
  run: (ctx: ActionContext<z.output<S>>) => Promise<T>;
  /** Runs after the transaction commits, on the server only (e.g. re-issuing a session). */
  afterCommit?: (ctx: { actor: Actor; input: z.output<S>; data: T }) => Promise<void>;
  /**
   * What the person is told did not happen when `afterCommit` fails: the change itself is saved by then,
   * so the answer says so ("Saved, but …") instead of claiming nothing was.
   */
  afterCommitFailure?: string;
  /**
   * After a success, the page that sent the action is rendered again on the server in the same response, so
   * what it shows (a list, a status) reflects the change. For actions whose form stays on a page that shows
   * what they changed; not needed with `redirectTo`.
   */
  refresh?: boolean;
  /** Where to go after the transaction commits. */
  redirectTo?: (data: T) => string;
  successMessage?: string;
};

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out = dictionary<string[]>();
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** "Saved, but …": the change is in the database; only the step after it failed. */
export function afterCommitMessage(failure: string | undefined): string {
  return `Your change was saved, but ${failure ?? 'a step that follows it did not run'}.`;
}

/**
 * Re-renders the sending page in the action's response (Next's `refresh()`). Outside a request, where an action
 * is called as a plain function (tests, scripts), there is no page to refresh and nothing to do.
 */
function refreshSender(): void {
  try {
    refresh();
  } catch (error) {
    if (!(error instanceof Error && /only be called from within a Server Action/.test(error.message))) throw error;
  }
}

/**
 * The one action wrapper: session → actor from the database → permission → parse → one
 * transaction with the tenant set and the audit row → typed result for useActionState.
 * A server action is a public POST endpoint: nothing here trusts the form beyond its schema.
 */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  const answer = async (payload: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const raw = formToObject(payload);
    const values = echoValues(raw, def.secretFields ?? []);
    let outcome: ActionResult<T>;
    try {
      // A form's key for this submission: a retry with the same key returns the first result and writes nothing.
      const idempotencyKey = takeIdempotencyKey(raw);
      const actor = await currentActor();
      if (!actor) return { ok: false, formError: MESSAGES.signedOut, fieldErrors: {} };
      if (!can(actor.role, def.permission)) return { ok: false, formError: MESSAGES.forbidden, fieldErrors: {} };

      const unstorable = unstorableTextErrors(raw);
      if (unstorable) return { ok: false, formError: unstorable._form?.[0] ?? MESSAGES.invalid, fieldErrors: unstorable, values };
      const parsed = await def.input.safeParseAsync(raw);
      if (!parsed.success) {
        const fieldErrors = zodFieldErrors(parsed.error);
        return { ok: false, formError: fieldErrors._form?.[0] ?? MESSAGES.invalid, fieldErrors, values };
      }

      let replayed = false;
      const data = await withActor(actor, async (tx) => {
        if (idempotencyKey) {
          const claim = await claimIdempotencyKey<T>(tx, actor, def.name, idempotencyKey, requestHash(def.name, parsed.data));
          if (claim.replay) {
            replayed = true;
            return claim.data;
          }
        }
        const entries: AuditEntry[] = [];
        let main: AuditEntry | null = { action: def.name };
        const result = await def.run({
          actor,
          input: parsed.data as z.output<S>,
          tx,
          audit: (entry) => {
            main = { ...main, ...entry, action: entry.action ?? def.name };
          },
          alsoAudit: (entry) => entries.push(entry),
          skipAudit: () => {
            main = null;
          },
        });
        // The audit rows and the key's result wait for nothing but the action: sent together, in this order.
        await inSequence(
          tx,
          ...(main ? [main, ...entries] : entries).map((entry) => () => recordAudit(tx, actor, entry)),
          ...(idempotencyKey ? [() => recordIdempotentResult(tx, actor, idempotencyKey, result)] : []),
        );
        return result;
      });
      outcome = replayed ? { ok: true, data, message: def.successMessage, replayed } : { ok: true, data, message: def.successMessage };
      if (def.afterCommit && !replayed) {
        try {
          await def.afterCommit({ actor, input: parsed.data as z.output<S>, data });
        } catch (error) {
          unstable_rethrow(error);
          // The transaction has committed: report what was saved and what did not follow, never "nothing was saved".
          const errorId = logServerError(`action ${def.name} after commit`, error);
          if (def.refresh) refreshSender();
          return { ok: true, data, message: `${afterCommitMessage(def.afterCommitFailure)} (ref ${errorId})` };
        }
      }
      if (def.refresh) refreshSender();
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionRefusal) {
        return { ok: false, formError: error.message, fieldErrors: error.fieldErrors, values };
      }
      if (isTransientDatabaseError(error)) {
        console.error(`[action ${def.name}] database unavailable: ${(error as { code?: string })?.code ?? 'error'}`);
        return { ok: false, formError: MESSAGES.unavailable, fieldErrors: {}, values, retryable: true };
      }
      // Log an id and the error's class only: messages from the database can quote submitted values.
      const errorId = logServerError(`action ${def.name}`, error);
      return { ok: false, formError: `${MESSAGES.unexpected} (ref ${errorId})`, fieldErrors: {}, values };
    }
    if (outcome.ok && def.redirectTo) redirect(def.redirectTo(outcome.data));
    return outcome;
  };
  // Maps built from input have no prototype; what goes back to the browser must be plain objects.
  const action = async (_previous: ActionResult<T> | null, payload: FormData | Record<string, unknown>): Promise<ActionResult<T>> =>
    plainOutput(await answer(payload));
  return Object.assign(action, { definition: def });
}
