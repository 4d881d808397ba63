'use client';

import { PAGE_SIZES, type RosterView } from '@/lib/caseload/url';
import { selectClass } from './roster-filters';
import { buttonClass } from '@/app/_components/design/button';

export type RosterPagerProps = {
  view: RosterView;
  total: number;
  pageCount: number;
  onPageSize: (size: number) => void;
  onPrevious: () => void;
  onNext: () => void;
};

/** Where this page sits in the view, the page size and previous/next. */
export function RosterPager({ view, total, pageCount, onPageSize, onPrevious, onNext }: RosterPagerProps) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>
        {total === 0
          ? 'No clients'
          : `Showing ${(view.page - 1) * view.size + 1}–${Math.min(view.page * view.size, total)} of ${total} client${total === 1 ? '' : 's'}`}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          Rows per page
          <select className={selectClass} value={view.size} onChange={(e) => onPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={onPrevious}
          disabled={view.page <= 1}
          className={buttonClass('secondary')}
        >
          Previous
        </button>
        <span aria-current="page">
          Page {view.page} of {pageCount}
        </span>
        <button
          type="button"
          onClick={onNext}
          disabled={view.page >= pageCount}
          className={buttonClass('secondary')}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
