import 'server-only';
import type { Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/types';
import { recordRead } from './record';

/**
 * The client record's sections whose loader (getClientOverview, lib/measures/client-overview.ts) records
 * the read itself, as `client.viewClinical` with what it counted.
 */
export const SECTIONS_AUDITED_BY_OVERVIEW: ReadonlySet<string> = new Set(['overview', 'measures', 'checkins']);

/**
 * One audit row per load of a client's record by their care team, naming what was shown: the section
 * (alerts, homework with the thought-record trend, schedules) and the header's latest scores and open
 * alerts. Written by the header's read, which runs once on every load, in its own transaction: one
 * INSERT, no extra read. Sections whose loader already records the read get no second row.
 */
export async function recordClientRecordRead(
  tx: Tx,
  actor: Pick<Actor, 'practiceId' | 'userId' | 'role'>,
  clientId: string,
  section: string | undefined,
  shown: { scores: readonly unknown[]; openAlerts: number },
): Promise<void> {
  if (!section || SECTIONS_AUDITED_BY_OVERVIEW.has(section)) return;
  await recordRead(tx, actor, {
    action: 'client.viewRecord',
    entityType: 'client',
    entityId: clientId,
    clientId,
    meta: { section, scores: shown.scores.length, openAlerts: shown.openAlerts },
  });
}
