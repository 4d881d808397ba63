import { OUR_RULES } from '@/lib/measures/rules';

/**
 * Adherence (docs/clinical.md §4.5): completed occurrences ÷ due occurrences over a trailing window, by default
 * `OUR_RULES.adherenceWindowDays` (28 days).
 * An occurrence counts as due once its due instant has passed within the window; one not yet due does not
 * count against the client, even if already done early. Cancelled occurrences are left out altogether.
 */


export const COMPLETED_OCCURRENCE_STATUSES: ReadonlySet<string> = new Set(['submitted', 'reviewed']);
export const EXCLUDED_OCCURRENCE_STATUSES: ReadonlySet<string> = new Set(['cancelled']);

export interface AdherenceOccurrence {
  readonly dueAt: Date;
  /** 'pending' | 'draft' | 'submitted' | 'reviewed' | 'missed' | 'cancelled' … — only the sets above matter. */
  readonly status: string;
}

export interface Adherence {
  readonly due: number;
  readonly completed: number;
  /** completed ÷ due, or null when nothing fell due (no data is not 0 %). */
  readonly ratio: number | null;
}

const DAY_MS = 86_400_000;

export function adherence(
  occurrences: readonly AdherenceOccurrence[],
  now: Date,
  windowDays: number = OUR_RULES.adherenceWindowDays,
): Adherence {
  if (!(windowDays > 0) || !Number.isFinite(windowDays)) throw new RangeError(`Not a window length: ${windowDays}`);
  const end = now.getTime();
  const start = end - windowDays * DAY_MS;
  let due = 0;
  let completed = 0;
  for (const o of occurrences) {
    if (EXCLUDED_OCCURRENCE_STATUSES.has(o.status)) continue;
    const t = o.dueAt.getTime();
    if (!(t >= start && t <= end)) continue;
    due += 1;
    if (COMPLETED_OCCURRENCE_STATUSES.has(o.status)) completed += 1;
  }
  return { due, completed, ratio: due === 0 ? null : completed / due };
}
