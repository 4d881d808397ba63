import { createHash } from 'node:crypto';

/**
 * A list's search term names a person (a client's or a colleague's name or email), and a URL is copied into access
 * logs, browser history and Referer headers. So the term never travels in a URL: the search form posts it, the
 * server keeps it in an httpOnly cookie of this browser's session, and the page reads it from there (see
 * ./list-search.ts). This module is the cookie's value and the lists' shape, free of request APIs so it is tested
 * on its own.
 */

export const LIST_SEARCHES = {
  caseload: {
    path: '/caseload',
    // The roster's other view parameters stay in its URL; a new search starts again at page 1.
    keep: ['status', 'alert', 'band', 'change', 'overdue', 'disengaged', 'therapist', 'sort', 'dir', 'size'],
    // "Clear filters" keeps how the roster is sorted and how much of it a page shows.
    keepOnClear: ['sort', 'dir', 'size'],
  },
  clients: { path: '/admin/clients', keep: ['status', 'therapist', 'unassigned'], keepOnClear: [] },
  people: { path: '/admin/people', keep: ['role', 'status'], keepOnClear: [] },
} as const satisfies Record<string, { path: string; keep: readonly string[]; keepOnClear: readonly string[] }>;

export type ListSearch = keyof typeof LIST_SEARCHES;

export const SEARCH_TERM_MAX = 100;
/** No filter value the lists know is longer; anything longer is not one of theirs. */
const KEPT_VALUE_MAX = 64;

export function searchCookieName(list: ListSearch, secure: boolean): string {
  return `${secure ? '__Host-' : ''}mend.search.${list}`;
}

/** A term as the lists match it: trimmed, at most SEARCH_TERM_MAX characters, control characters dropped. */
export function normalizeSearchTerm(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/\p{Cc}/gu, ' ').trim().slice(0, SEARCH_TERM_MAX).trim();
}

/**
 * The session a cookie belongs to, as a digest: the cookie binds the term to one signed-in session without
 * repeating the session's id (which only the encrypted session token carries) in a second cookie.
 */
function sessionTag(sessionId: string): string {
  return createHash('sha256').update(`mend.search:${sessionId}`).digest('base64url').slice(0, 22);
}

/** `<session tag>.<term, base64url>`: the term read back only by the session that set it. */
export function encodeSearchCookie(sessionId: string, term: string): string {
  return `${sessionTag(sessionId)}.${Buffer.from(normalizeSearchTerm(term), 'utf8').toString('base64url')}`;
}

/**
 * The term a cookie holds for this session; empty when there is none, when it is malformed, or when another
 * session set it (someone else signed in on this browser, or this person in an earlier sign-in).
 */
export function decodeSearchCookie(value: string | undefined | null, sessionId: string): string {
  if (!value || !sessionId) return '';
  const dot = value.indexOf('.');
  if (dot < 0 || value.slice(0, dot) !== sessionTag(sessionId)) return '';
  const encoded = value.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return '';
  return normalizeSearchTerm(Buffer.from(encoded, 'base64url').toString('utf8'));
}

/**
 * Where a search sends the browser: the list with its other filters (those the list keeps, taken from the posted
 * form) and never the term. `clear` keeps only what "Clear filters" keeps.
 */
export function listSearchHref(list: ListSearch, fields: Record<string, unknown>, clear: boolean): string {
  const spec = LIST_SEARCHES[list];
  const out = new URLSearchParams();
  for (const key of clear ? spec.keepOnClear : spec.keep) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '' && value.length <= KEPT_VALUE_MAX) out.set(key, value);
  }
  const query = out.toString();
  return query ? `${spec.path}?${query}` : spec.path;
}
