import { z } from 'zod';
import { MEASURES } from '@/lib/measures';

/**
 * The roster's view — sort, filters, search, page — lives in the URL so it can be bookmarked, shared and
 * reloaded. Each parameter is parsed on its own and falls back to its default when it is missing or
 * malformed: a hand-edited or stale link shows a sensible roster, never an error page.
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

/** "phq9:moderate" and friends, from the measures' own band definitions. */
export const BAND_FILTERS: readonly { value: string; measure: RosterMeasure; bandId: string; label: string }[] = ROSTER_MEASURES.flatMap(
  (measure) =>
    MEASURES[measure].bands.map((band) => ({
      value: `${measure}:${band.id}`,
      measure,
      bandId: band.id,
      label: `${MEASURES[measure].shortTitle} ${band.label.toLowerCase()}`,
    })),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const flag = z.enum(['1', 'true']).transform(() => true);

const fields = {
  sort: z.enum(SORT_KEYS).catch('attention'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  q: z
    .string()
    .transform((s) => s.trim().slice(0, 100))
    .catch(''),
  status: z.enum(STATUS_FILTERS).nullable().catch(null),
  alert: z.enum(ALERT_FILTERS).nullable().catch(null),
  band: z
    .string()
    .refine((v) => BAND_FILTERS.some((b) => b.value === v))
    .nullable()
    .catch(null),
  change: z.enum(CHANGE_FILTERS).nullable().catch(null),
  overdue: flag.catch(false),
  disengaged: flag.catch(false),
  therapist: z.string().regex(UUID).transform((s) => s.toLowerCase()).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE),
};

export const rosterViewSchema = z.object(fields);
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

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Never throws: every field has its own fallback. An empty value means "not set". */
export function parseRosterView(raw: RawParams): RosterView {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(fields)) {
    const value = first(raw, key);
    input[key] = value === '' ? undefined : value;
  }
  const parsed = rosterViewSchema.safeParse(input);
  return parsed.success ? (parsed.data as RosterView) : DEFAULT_VIEW;
}

/** The URL query for a view, leaving out defaults so links stay short. */
export function rosterViewToSearchParams(view: RosterView): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: string, value: string | null | false, fallback: string | null | false) => {
    if (value !== null && value !== false && value !== fallback) out.set(key, String(value));
  };
  put('q', view.q || null, null);
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
