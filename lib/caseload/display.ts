import { type ChangeClassification, MEASURES, isMeasureKey } from '@/lib/measures';
import { attentionCriterion } from './attention';
import { CHANGE_LABELS, exactDateTime, exactDay, percent, relativeDay, signed } from './format';
import type { MeasureCell, RosterRow } from './roster';

/**
 * What the table shows, as plain serialisable values: the text is made on the server in the practice's
 * time zone, so the client table renders it as is (no hydration drift, nothing clinical computed twice).
 */
export type DisplayMeasure = {
  score: number;
  band: string | null;
  change: ChangeClassification | null;
  changeLabel: string;
  title: string;
};

export type DisplayRow = {
  id: string;
  name: string;
  pronouns: string | null;
  status: RosterRow['status'];
  therapists: string;
  intake: string;
  onTeam: boolean;
  /** Only clients on the viewer's care team who can take homework may be bulk-assigned. */
  selectable: boolean;
  lastCheckin: { label: string; title: string; dateTime: string } | null;
  homework: { adherence: string; detail: string; overdue: number };
  nextMeasure: { label: string; title: string; dateTime: string } | null;
  attention: { rank: number; label: string | null };
  clinical: {
    phq9: DisplayMeasure | null;
    gad7: DisplayMeasure | null;
    alerts: { urgent: number; followUp: number };
  } | null;
};

function displayMeasure(key: 'phq9' | 'gad7', m: MeasureCell | null, timeZone: string): DisplayMeasure | null {
  if (!m) return null;
  const title = MEASURES[key].shortTitle;
  const changeLabel = m.change ? CHANGE_LABELS[m.change] : 'Baseline only';
  const since = m.baselineScore !== null && m.changeBy !== null ? ` (${signed(m.changeBy)} since baseline ${m.baselineScore})` : '';
  return {
    score: m.score,
    band: m.band?.label ?? null,
    change: m.change,
    changeLabel,
    title: `${title} ${m.score}${m.band ? `, ${m.band.label.toLowerCase()}` : ''}, ${exactDateTime(m.completedAt, timeZone)}. ${changeLabel}${since}.`,
  };
}

export function toDisplayRow(r: RosterRow, today: string, timeZone: string): DisplayRow {
  const c = r.clinical;
  const criterion = attentionCriterion(r.attentionRank);
  return {
    id: r.id,
    name: r.name,
    pronouns: r.pronouns,
    status: r.status,
    therapists: r.therapists ?? 'No therapist',
    intake: r.intakeDate ? exactDay(r.intakeDate) : '—',
    onTeam: r.onMyCareTeam,
    selectable: r.onMyCareTeam && (r.status === 'active' || r.status === 'paused'),
    lastCheckin: r.lastCheckinDay
      ? {
          label: relativeDay(today, r.lastCheckinDay),
          title: r.lastCheckinAt ? exactDateTime(r.lastCheckinAt, timeZone) : exactDay(r.lastCheckinDay),
          dateTime: r.lastCheckinAt ?? r.lastCheckinDay,
        }
      : null,
    homework: {
      adherence: percent(r.homework.ratio),
      detail: r.homework.due ? `${r.homework.completed} of ${r.homework.due} done in 28 days` : 'Nothing due in 28 days',
      overdue: r.homework.overdue,
    },
    nextMeasure: r.nextMeasureDue
      ? {
          label: `${c?.nextMeasure && isMeasureKey(c.nextMeasure) ? `${MEASURES[c.nextMeasure].shortTitle} ` : ''}${relativeDay(today, r.nextMeasureDue)}`,
          title: exactDay(r.nextMeasureDue),
          dateTime: r.nextMeasureDue,
        }
      : null,
    attention: { rank: r.attentionRank, label: criterion?.label ?? null },
    clinical: c
      ? {
          phq9: displayMeasure('phq9', c.phq9, timeZone),
          gad7: displayMeasure('gad7', c.gad7, timeZone),
          alerts: c.alerts,
        }
      : null,
  };
}
