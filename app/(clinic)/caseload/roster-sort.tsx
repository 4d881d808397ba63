'use client';

import { SORT_KEYS, type RosterView, type SortKey } from '@/lib/caseload/url';
import { selectClass } from './roster-filters';
import { COLUMN_LABELS } from './roster-layout';

/**
 * Sort by any column, including those collapsed into another cell and the cards on a phone, where no column
 * heading is shown. The column headings sort too; both write the same URL.
 */
export function RosterSort({
  view,
  isAdmin,
  onSort,
}: {
  view: RosterView;
  isAdmin: boolean;
  onSort: (sort: SortKey, dir: 'asc' | 'desc') => void;
}) {
  // The therapist and intake columns are the admin's.
  const keys = SORT_KEYS.filter((key) => isAdmin || (key !== 'therapist' && key !== 'intake'));
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        <span className="block font-medium text-slate-800">Sort by</span>
        <select
          className={`mt-1 ${selectClass}`}
          value={view.sort}
          onChange={(e) => onSort(e.target.value as SortKey, view.dir)}
        >
          {keys.map((key) => (
            <option key={key} value={key}>
              {key === 'attention' ? 'Needs attention (most pressing first)' : COLUMN_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block font-medium text-slate-800">Order</span>
        <select
          className={`mt-1 ${selectClass}`}
          value={view.dir}
          onChange={(e) => onSort(view.sort, e.target.value === 'desc' ? 'desc' : 'asc')}
        >
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </label>
    </div>
  );
}
