import 'server-only';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/types';
import { type CsvCell, toCsv } from '@/lib/export/csv';
import { attentionCriterion } from './attention';
import { CHANGE_LABELS } from './format';
import { type MeasureCell, type RosterRow, queryRoster } from './roster';
import { type RosterView, isFiltered } from './view';
import { isUuid } from '@/lib/access/ids';
import { localDay } from '@/lib/time/day';


export const ROSTER_CSV_HEADER = [
  'Client',
  'Pronouns',
  'Status',
  'Therapists',
  'Intake date',
  'Last check-in',
  'Homework due (28 days)',
  'Homework completed (28 days)',
  'Homework overdue',
  'Next measure due',
  'Needs attention',
  'Latest mood',
  'PHQ-9',
  'PHQ-9 band',
  'PHQ-9 change since baseline',
  'GAD-7',
  'GAD-7 band',
  'GAD-7 change since baseline',
  'Open urgent alerts',
  'Open follow-up alerts',
  'Next measure',
] as const;

const measureCells = (m: MeasureCell | null | undefined): CsvCell[] => [
  m?.score ?? null,
  m?.band?.label ?? null,
  m?.change ? CHANGE_LABELS[m.change] : null,
];

/** One CSV line. Clinical columns stay empty for a client off the viewer's care team (docs/clinical.md §6.2). */
export function rosterCsvRow(r: RosterRow): CsvCell[] {
  const c = r.clinical;
  return [
    r.name,
    r.pronouns,
    r.status,
    r.therapists,
    r.intakeDate,
    r.lastCheckinDay,
    r.homework.due,
    r.homework.completed,
    r.homework.overdue,
    r.nextMeasureDue,
    attentionCriterion(r.attentionRank)?.label ?? null,
    c?.lastMood ?? null,
    ...measureCells(c?.phq9),
    ...measureCells(c?.gad7),
    c ? c.alerts.urgent : null,
    c ? c.alerts.followUp : null,
    c?.nextMeasure ?? null,
  ];
}

/**
 * The current view (its filters, search and order; every page) or the selected rows of it, as CSV.
 * The same roster query, so nobody exports what they could not list; the export is audited in the
 * same transaction (counts only).
 */
export async function exportRoster(actor: Actor, view: RosterView, selectedIds: readonly string[] = []) {
  assertCan(actor, 'caseload.export');
  const wanted = new Set(selectedIds.filter((id) => isUuid(id)).map((id) => id.toLowerCase()));
  return withActor(actor, async (tx) => {
    const { rows } = await queryRoster(tx, actor, view, { all: true });
    const chosen = wanted.size ? rows.filter((r) => wanted.has(r.id)) : rows;
    await recordAudit(tx, actor, {
      action: 'caseload.export',
      entityType: 'caseload',
      meta: {
        rows: chosen.length,
        clinicalRows: chosen.filter((r) => r.clinical !== null).length,
        selection: wanted.size > 0,
        filtered: isFiltered(view),
      },
    });
    const stamp = localDay(new Date(), actor.practice.timeZone);
    return { filename: `caseload-${stamp}.csv`, csv: toCsv(ROSTER_CSV_HEADER, chosen.map(rosterCsvRow)) };
  });
}
