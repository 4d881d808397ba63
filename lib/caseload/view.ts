import { z } from 'zod';
import { MEASURES } from '@/lib/measures';
import {
  ALERT_FILTERS,
  CHANGE_FILTERS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_VIEW,
  PAGE_SIZES,
  ROSTER_MEASURES,
  type RosterMeasure,
  type RosterView,
  SORT_KEYS,
  STATUS_FILTERS,
} from './url';
import { isUuid } from '@/lib/access/ids';

export * from './url';

/**
 * The roster's view — sort, filters, page — lives in the URL so it can be bookmarked, shared and reloaded; the
 * search does not (it names a client: lib/ui/list-search.ts keeps it), and a `q` in a URL is ignored. Each parameter is parsed on its own and falls back to its default when it is missing or
 * malformed: a hand-edited or stale link shows a sensible roster, never an error page.
 */

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

const flag = z.enum(['1', 'true']).transform(() => true);

const fields = {
  sort: z.enum(SORT_KEYS).catch('attention'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
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
  therapist: z.string().refine(isUuid).transform((s) => s.toLowerCase()).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE),
};

export const rosterViewSchema = z.object(fields);
type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Never throws: every field has its own fallback. An empty value means "not set". The search comes from the
 * session (listSearchTerm), never from `raw`.
 */
export function parseRosterView(raw: RawParams, q = ''): RosterView {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(fields)) {
    const value = first(raw, key);
    input[key] = value === '' ? undefined : value;
  }
  const parsed = rosterViewSchema.safeParse(input);
  return { ...(parsed.success ? parsed.data : DEFAULT_VIEW), q: q.trim().slice(0, 100) };
}

