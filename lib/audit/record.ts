import 'server-only';
import type { Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/types';
import type { AuditAction } from './labels';

export type AuditEntry = {
  /** One of the labelled actions (lib/audit/labels.ts). */
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  clientId?: string | null;
  /** Identifiers and counts only: never clinical text, never a password. */
  meta?: Record<string, string | number | boolean | null>;
};

/**
 * A read of clinical content: who (the actor) read what (ids and counts only), when (the row's
 * time). Written in the same transaction as the read, and only when content was shown: a refusal
 * or a 404 leaves no row. Action names end in "view" ("submission.view", "client.viewAlerts").
 */
export async function recordRead(tx: Tx, actor: Pick<Actor, 'practiceId' | 'userId' | 'role'>, entry: AuditEntry) {
  await recordAudit(tx, actor, entry);
}

/** Appends one audit row inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, 'practiceId' | 'userId'> & { role: Actor['role'] | null },
  entry: AuditEntry,
) {
  await tx.insert(auditEvents).values({
    practiceId: actor.practiceId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    clientId: entry.clientId ?? null,
    meta: entry.meta ?? null,
  });
}
