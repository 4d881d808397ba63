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

/** Classes of a header or body cell: a table cell from tablet width, a labelled block on a phone's card. */
export function cellClass(columnId: string, kind: 'th' | 'td'): string {
  const fit = COLUMN_FIT[columnId] ?? 'always';
  const table = fit === 'wide' ? 'md:hidden lg:table-cell' : fit === 'folded' ? 'md:hidden' : '';
  // On a phone the header row stays for assistive technology (its thead is visually hidden), matching the cells.
  if (kind === 'th') return table;
  // On a card the selection box and the name share the first line, apart (24-px target spacing); every other fact
  // is a labelled line across the card (roster-table.tsx makes the card a two-column grid).
  const card =
    columnId === 'select' || columnId === 'name'
      ? 'max-md:block max-md:py-1'
      : 'max-md:col-span-2 max-md:flex max-md:items-start max-md:justify-between max-md:gap-3 max-md:py-1 max-md:before:shrink-0 max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]';
  return `${card} ${table}`;
}

/** A fact shown inside another cell where its own column is collapsed (see ColumnFit). */
export const FOLDED_AT_TABLET = 'hidden md:block lg:hidden';
export const FOLDED_IN_TABLE = 'hidden md:block';
