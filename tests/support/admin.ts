import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { inviteMember } from '../../lib/invitations/actions';
import { actAs, type makePractice, owner } from './factories';

// Helpers of the administration tests (accounts, invitations, settings and the audit trail).

// Users are shared across practices (and across runs on a server database): every new address is unique.
export const RUN = Date.now().toString(36);
export const mail = (local: string) => `${local}-${RUN}@test.example`;

export type ActionAnswer = { ok: boolean; data?: unknown; formError?: string | null; fieldErrors?: Record<string, string[]> };

/** The token at the end of the link an invitation or reset action handed back. */
export function tokenOf(result: ActionAnswer): string {
  expect(result.ok).toBe(true);
  const link = (result.data as { link: string | null }).link;
  expect(link).toBeTruthy();
  return link!.split('/').pop()!;
}

/** The practice's audit trail, as its action codes. */
export async function auditActions(practiceId: string): Promise<string[]> {
  const rows = await ownerScoped(await owner(), practiceId, (tx) =>
    tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.practiceId, practiceId)),
  );
  return rows.map((r) => r.action);
}

/** Invites as the practice's admin. */
export async function invite(practice: Awaited<ReturnType<typeof makePractice>>, fields: Record<string, string>) {
  actAs(practice.admin, practice.id);
  return inviteMember(null, fields);
}
