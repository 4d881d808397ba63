/**
 * The roster view's shape and its URL form. Free of imports so the client table can build links
 * without pulling the measure definitions into the browser bundle.
 */

export const SORT_KEYS = [
  'attention',
  'name',
  'status',
  'therapist',
  'lastCheckin',
  'mood',
  'phq9',
  'gad7',
  'adherence',
  'overdue',
  'alerts',
  'nextMeasure',
  'intake',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const STATUS_FILTERS = ['active', 'paused', 'discharged'] as const;
export const ALERT_FILTERS = ['urgent', 'follow_up', 'any', 'none'] as const;
export const CHANGE_FILTERS = ['reliable_improvement', 'no_reliable_change', 'reliable_deterioration'] as const;
export const ROSTER_MEASURES = ['phq9', 'gad7'] as const;
export type RosterMeasure = (typeof ROSTER_MEASURES)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export type RosterView = {
  sort: SortKey;
  dir: 'asc' | 'desc';
  q: string;
  status: (typeof STATUS_FILTERS)[number] | null;
  alert: (typeof ALERT_FILTERS)[number] | null;
  band: string | null;
  change: (typeof CHANGE_FILTERS)[number] | null;
  overdue: boolean;
  disengaged: boolean;
  therapist: string | null;
  page: number;
  size: number;
};

export const DEFAULT_VIEW: RosterView = {
  sort: 'attention',
  dir: 'asc',
  q: '',
  status: null,
  alert: null,
  band: null,
  change: null,
  overdue: false,
  disengaged: false,
  therapist: null,
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

/**
 * The URL query for a view, leaving out defaults so links stay short. Never the search: it names a client, and a
 * URL reaches logs, history and Referer headers (the term is kept server-side: lib/ui/list-search.ts).
 */
export function rosterViewToSearchParams(view: RosterView): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: string, value: string | null | false, fallback: string | null | false) => {
    if (value !== null && value !== false && value !== fallback) out.set(key, String(value));
  };
  put('status', view.status, null);
  put('alert', view.alert, null);
  put('band', view.band, null);
  put('change', view.change, null);
  if (view.overdue) out.set('overdue', '1');
  if (view.disengaged) out.set('disengaged', '1');
  put('therapist', view.therapist, null);
  put('sort', view.sort, DEFAULT_VIEW.sort);
  put('dir', view.dir, DEFAULT_VIEW.dir);
  put('size', String(view.size), String(DEFAULT_VIEW.size));
  put('page', String(view.page), '1');
  return out;
}

export function rosterHref(base: string, view: RosterView): string {
  const query = rosterViewToSearchParams(view).toString();
  return query ? `${base}?${query}` : base;
}

/** Whether any filter or search narrows the roster (for the "no match" empty state). */
export function isFiltered(view: RosterView): boolean {
  return Boolean(view.q || view.status || view.alert || view.band || view.change || view.overdue || view.disengaged || view.therapist);
}
