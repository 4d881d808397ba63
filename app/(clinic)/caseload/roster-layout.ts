import type { SortKey } from '@/lib/caseload/url';

/**
 * How the roster fits the screen. From tablet width up it is a table whose columns collapse by priority: a
 * column that does not fit is shown inside a column that does (its facts stay on the row), and every column can
 * still be sorted from the "Sort by" control. Below tablet width each client is a card listing every fact with
 * its label (the same cells, laid out as blocks).
 *
 *   always — a column at every table width
 *   wide   — a column from 1024 px; at tablet width its facts sit inside another cell
 *   folded — never a column in the table (its facts sit inside another cell); a labelled line on a card
 */
export type ColumnFit = 'always' | 'wide' | 'folded';

export const COLUMN_FIT: Readonly<Record<string, ColumnFit>> = {
  alerts: 'wide',
  mood: 'wide',
  status: 'folded',
  therapist: 'folded',
  overdue: 'folded',
  nextMeasure: 'folded',
  intake: 'folded',
};

/** Header and card label of each column, and the "Sort by" choices. */
export const COLUMN_LABELS: Readonly<Record<SortKey | 'select', string>> = {
  select: 'Select',
  name: 'Client',
  attention: 'Needs attention',
  alerts: 'Open alerts',
  status: 'Status',
  therapist: 'Therapist',
  lastCheckin: 'Last check-in',
  mood: 'Mood, 14 days',
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  adherence: 'Homework, 28 days',
  overdue: 'Overdue',
  nextMeasure: 'Next measure',
  intake: 'Intake',
};

/**
 * How a header or body cell fits, as data attributes that one set of rules in app/globals.css (`.roster-grid`) lays
 * out: a table cell from tablet width, a labelled block on a phone's card. Rules rather than classes on each cell:
 * the card's classes repeated on every cell were 40 % of the page's HTML.
 *   data-fit  — 'wide' or 'folded' (see ColumnFit); absent for a column shown at every table width
 *   data-card — 'head' for the selection box and the name, which share a card's first line (24-px target spacing);
 *               every other fact is a line across the card, after its label (data-label)
 */
export function cellData(columnId: string): { 'data-fit'?: ColumnFit; 'data-card'?: 'head' } {
  const fit = COLUMN_FIT[columnId];
  return {
    ...(fit && fit !== 'always' ? { 'data-fit': fit } : {}),
    ...(columnId === 'select' || columnId === 'name' ? { 'data-card': 'head' as const } : {}),
  };
}

/** A fact shown inside another cell where its own column is collapsed (see ColumnFit). */
export const FOLDED_AT_TABLET = 'hidden md:block lg:hidden';
export const FOLDED_IN_TABLE = 'hidden md:block';
