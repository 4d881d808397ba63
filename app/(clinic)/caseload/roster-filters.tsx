'use client';

import type { ColumnFiltersState } from '@tanstack/react-table';
import {
  ALERT_FILTERS,
  CHANGE_FILTERS,
  type RosterView,
  STATUS_FILTERS,
  rosterViewToSearchParams,
} from '@/lib/caseload/url';
import { buttonClass } from '@/app/_components/design/button';
import { checkClass } from '@/app/_components/design/checkbox';
import { compactInputClass } from '@/app/_components/design/input-class';

const ALERT_LABELS: Record<(typeof ALERT_FILTERS)[number], string> = {
  urgent: 'Urgent alerts',
  follow_up: 'Follow-up alerts',
  any: 'Any open alert',
  none: 'No open alerts',
};
const CHANGE_LABELS: Record<(typeof CHANGE_FILTERS)[number], string> = {
  reliable_deterioration: 'Reliable deterioration',
  no_reliable_change: 'No reliable change',
  reliable_improvement: 'Reliable improvement',
};
/** The URL filters, as the table's column-filter state (the server applies them: manualFiltering). */
export const FILTER_KEYS = ['status', 'alert', 'band', 'change', 'overdue', 'disengaged', 'therapist'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function filtersOf(view: RosterView): ColumnFiltersState {
  return FILTER_KEYS.filter((k) => view[k] !== null && view[k] !== false).map((k) => ({ id: k, value: view[k] }));
}

export function withFilters(view: RosterView, filters: ColumnFiltersState): RosterView {
  const next: RosterView = {
    ...view,
    status: null,
    alert: null,
    band: null,
    change: null,
    overdue: false,
    disengaged: false,
    therapist: null,
    page: 1,
  };
  for (const f of filters) {
    if (!(FILTER_KEYS as readonly string[]).includes(f.id)) continue;
    (next as Record<FilterKey, unknown>)[f.id as FilterKey] = f.value;
  }
  return next;
}

export const selectClass = compactInputClass;

export type RosterFiltersProps = {
  view: RosterView;
  isAdmin: boolean;
  therapists: { membershipId: string; name: string }[];
  bandOptions: { value: string; label: string }[];
  filtered: boolean;
  exportHref: string;
  setFilter: (id: FilterKey, value: unknown) => void;
  searchAction: (form: FormData) => Promise<void>;
};

/** The search form's id: the "Clear filters" buttons elsewhere on the roster submit it. */
export const SEARCH_FORM_ID = 'roster-search';

/** Search, the filter controls, "clear filters" and the CSV export of the view. */
export function RosterFilters({
  view,
  isAdmin,
  therapists,
  bandOptions,
  filtered,
  exportHref,
  setFilter,
  searchAction,
}: RosterFiltersProps) {
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      {/* Posted, never a GET: the term names a client, so it is kept for the session, not put in the URL.
          The view's other parameters go along and come back in the URL the action redirects to. */}
      <form
        id={SEARCH_FORM_ID}
        role="search"
        action={searchAction}
        className="flex items-end gap-2"
      >
        {[...rosterViewToSearchParams({ ...view, page: 1 })].map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Search by name</span>
          <input
            type="search"
            name="q"
            defaultValue={view.q}
            maxLength={100}
            className={`${compactInputClass} mt-1 w-52`}
          />
        </label>
        <button
          type="submit"
          className={buttonClass('secondary')}
        >
          Search
        </button>
      </form>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Status</span>
        <select
          className={`mt-1 ${selectClass}`}
          value={view.status ?? ''}
          onChange={(e) => setFilter('status', e.target.value)}
        >
          <option value="">Any status</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0).toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Alerts</span>
        <select
          className={`mt-1 ${selectClass}`}
          value={view.alert ?? ''}
          onChange={(e) => setFilter('alert', e.target.value)}
        >
          <option value="">Any</option>
          {ALERT_FILTERS.map((a) => (
            <option key={a} value={a}>
              {ALERT_LABELS[a]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Band</span>
        <select
          className={`mt-1 ${selectClass}`}
          value={view.band ?? ''}
          onChange={(e) => setFilter('band', e.target.value)}
        >
          <option value="">Any band</option>
          {bandOptions.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Change since baseline</span>
        <select
          className={`mt-1 ${selectClass}`}
          value={view.change ?? ''}
          onChange={(e) => setFilter('change', e.target.value)}
        >
          <option value="">Any</option>
          {CHANGE_FILTERS.map((c) => (
            <option key={c} value={c}>
              {CHANGE_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      {isAdmin ? (
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Therapist</span>
          <select
            className={`mt-1 ${selectClass}`}
            value={view.therapist ?? ''}
            onChange={(e) => setFilter('therapist', e.target.value)}
          >
            <option value="">All therapists</option>
            {therapists.map((t) => (
              <option key={t.membershipId} value={t.membershipId}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset className="flex min-h-10 items-center gap-4 text-sm">
        <legend className="sr-only">More filters</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className={checkClass}
            checked={view.overdue}
            onChange={(e) => setFilter('overdue', e.target.checked)}
          />
          Overdue homework
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className={checkClass}
            checked={view.disengaged}
            onChange={(e) => setFilter('disengaged', e.target.checked)}
          />
          No check-in for 7 days
        </label>
      </fieldset>
      {filtered ? (
        // Part of the search form: clearing forgets the session's term too, keeping the sort and page size.
        <button
          type="submit"
          form={SEARCH_FORM_ID}
          name="clear"
          value="1"
          className="min-h-10 py-2 text-sm text-brand-800 underline"
        >
          Clear filters
        </button>
      ) : null}
      <a
        href={exportHref}
        className={`${buttonClass('secondary')} ml-auto`}
      >
        Export view (CSV)
      </a>
    </div>
  );
}
