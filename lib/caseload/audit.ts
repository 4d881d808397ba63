import 'server-only';
import type { Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/types';
import { withActor } from '@/lib/access/scope';
import { recordRead } from '@/lib/audit/record';
import type { RosterPage } from './roster';

/**
 * The roster shows scores, mood and alerts for the clients on the viewer's care team: one audit row
 * per page shown, with counts (the page of the view is in the URL, which is never stored). Nothing
 * is written when no row carried clinical content.
 */
export async function recordCaseloadView(actor: Actor, roster: RosterPage): Promise<void> {
  if (!roster.rows.some((row) => row.clinical !== null)) return;
  await withActor(actor, (tx) => recordCaseloadViewIn(tx, actor, roster));
}

/** The same, inside the transaction that read the roster (the page: one transaction for the read and its audit). */
export async function recordCaseloadViewIn(tx: Tx, actor: Actor, roster: RosterPage): Promise<void> {
  const clinicalRows = roster.rows.filter((row) => row.clinical !== null).length;
  if (!clinicalRows) return;
  await recordRead(tx, actor, { action: 'caseload.view', entityType: 'caseload', meta: { rows: roster.rows.length, clinicalRows, page: roster.page } });
}
