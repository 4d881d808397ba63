import { type CsvCell, toCsv } from '@/lib/export/csv';
import { MEASURES } from '@/lib/measures/definitions';
import { MEASURE_KEYS } from '@/lib/measures/types';
import { isoInZoneOrNull } from '@/lib/time/day';

/**
 * The per-client CSV files (check-ins, measure administrations, homework): one row per record, instants in the
 * practice's time zone with their offset, and a UTF-8 byte-order mark so a spreadsheet reads names in any script.
 */

export const EXPORT_FILES = ['checkins', 'measures', 'homework'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const EXPORT_FILE_LABELS: Readonly<Record<ExportFile, string>> = {
  checkins: 'Check-ins',
  measures: 'Measures (answers and scores)',
  homework: 'Homework',
};

export function isExportFile(value: unknown): value is ExportFile {
  return typeof value === 'string' && (EXPORT_FILES as readonly string[]).includes(value);
}

const BYTE_ORDER_MARK = '\uFEFF';

/** toCsv's file, starting with exactly one byte-order mark. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = toCsv(header, rows);
  return body.startsWith(BYTE_ORDER_MARK) ? body : BYTE_ORDER_MARK + body;
}

export interface CheckinExportRow {
  localDay: string;
  mood: number;
  distress: number;
  window: string;
  sleepHours: number | null;
  sleepQuality: number | null;
  socialContact: string | null;
  feltConnected: number | null;
  feltRejected: number | null;
  selfCare: string[];
  note: string | null;
  safetyThoughts: boolean | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const CHECKIN_HEADER = [
  'Client',
  'Day',
  'Mood (0-10)',
  'Distress (0-100)',
  'Window of tolerance',
  'Sleep hours',
  'Sleep quality (0-4)',
  'Social contact',
  'Felt connected (0-10)',
  'Felt rejected (0-10)',
  'Self-care',
  'Note',
  'Thoughts of self-harm',
  'Revision',
  'First recorded',
  'Last updated',
] as const;

export function checkinsCsv(client: string, rows: readonly CheckinExportRow[], timeZone: string): string {
  return csvFile(
    CHECKIN_HEADER,
    rows.map((r) => [
      client,
      r.localDay,
      r.mood,
      r.distress,
      r.window,
      r.sleepHours,
      r.sleepQuality,
      r.socialContact,
      r.feltConnected,
      r.feltRejected,
      r.selfCare.join('; '),
      r.note,
      r.safetyThoughts === null ? null : r.safetyThoughts ? 'yes' : 'no',
      r.revision,
      isoInZoneOrNull(r.createdAt, timeZone),
      isoInZoneOrNull(r.updatedAt, timeZone),
    ]),
  );
}

export interface MeasureExportRow {
  id: string;
  measure: string;
  status: string;
  completedAt: Date;
  score: number | null;
  rawScore: number | null;
  band: string | null;
  prorated: boolean;
  isBaseline: boolean;
  answers: Record<string, number | null>;
}

/** Every item id of every measure, in form order, once: the answer columns (they match the FHIR linkIds). */
export const MEASURE_ITEM_COLUMNS: readonly string[] = [
  ...new Set(MEASURE_KEYS.flatMap((key) => MEASURES[key].items.map((item) => item.id))),
];

export const MEASURE_HEADER = [
  'Client',
  'Measure',
  'Administration id',
  'Completed',
  'Status',
  'Score',
  'Raw score',
  'Band',
  'Prorated',
  'Baseline',
  ...MEASURE_ITEM_COLUMNS,
] as const;

function measureTitle(key: string): string {
  return (MEASURES as Record<string, { shortTitle: string } | undefined>)[key]?.shortTitle ?? key;
}

function bandLabel(key: string, bandId: string | null): string | null {
  if (!bandId) return null;
  const bands =
    (MEASURES as Record<string, { bands: readonly { id: string; label: string }[] } | undefined>)[key]?.bands ?? [];
  return bands.find((b) => b.id === bandId)?.label ?? bandId;
}

export function measuresCsv(client: string, rows: readonly MeasureExportRow[], timeZone: string): string {
  return csvFile(
    MEASURE_HEADER,
    rows.map((r) => [
      client,
      measureTitle(r.measure),
      r.id,
      isoInZoneOrNull(r.completedAt, timeZone),
      r.status,
      r.score,
      r.rawScore,
      bandLabel(r.measure, r.band),
      r.prorated ? 'yes' : 'no',
      r.isBaseline ? 'yes' : 'no',
      ...MEASURE_ITEM_COLUMNS.map((id) => r.answers[id] ?? null),
    ]),
  );
}

export interface HomeworkExportRow {
  assignmentId: string;
  title: string;
  kind: string;
  recurrence: string;
  instructions: string | null;
  localDate: string;
  dueAt: Date;
  status: string;
  submittedAt: Date | null;
  version: number | null;
  /** The latest submitted answers, or null where the reader may not see them. */
  answers: Record<string, unknown> | null;
}

export const HOMEWORK_HEADER = [
  'Client',
  'Assignment id',
  'Homework',
  'Kind',
  'Schedule',
  'Instructions',
  'Day',
  'Due',
  'Status',
  'Submitted',
  'Version',
  'Answers (JSON)',
] as const;

export function homeworkCsv(client: string, rows: readonly HomeworkExportRow[], timeZone: string): string {
  return csvFile(
    HOMEWORK_HEADER,
    rows.map((r) => [
      client,
      r.assignmentId,
      r.title,
      r.kind,
      r.recurrence,
      r.instructions,
      r.localDate,
      isoInZoneOrNull(r.dueAt, timeZone),
      r.status,
      isoInZoneOrNull(r.submittedAt, timeZone),
      r.version,
      r.answers ? JSON.stringify(r.answers) : null,
    ]),
  );
}
