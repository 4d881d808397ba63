import { describe, expect, it } from 'vitest';
import {
  LIST_SEARCHES,
  type ListSearch,
  SEARCH_TERM_MAX,
  decodeSearchCookie,
  encodeSearchCookie,
  listSearchHref,
  normalizeSearchTerm,
  searchCookieName,
} from '@/lib/ui/list-search-value';

const SESSION = '6f1c2e5a-0000-4000-8000-000000000001';
const OTHER_SESSION = '6f1c2e5a-0000-4000-8000-000000000002';

describe("a list's search term kept for the session", () => {
  it('reads back what this session kept, including names in any script', () => {
    for (const term of ['Uma Zulu', 'zoë.o’brien@example.org', 'Łukasz 😀', 'a.b.c']) {
      expect(decodeSearchCookie(encodeSearchCookie(SESSION, term), SESSION)).toBe(term);
    }
  });

  it('does not carry the term or the session id in plain text', () => {
    const value = encodeSearchCookie(SESSION, 'Uma Zulu');
    expect(value).not.toContain('Uma');
    expect(value).not.toContain(SESSION);
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/);
  });

  it('is nothing to another session: someone else signing in on this browser, or a later sign-in', () => {
    expect(decodeSearchCookie(encodeSearchCookie(SESSION, 'Uma Zulu'), OTHER_SESSION)).toBe('');
    expect(decodeSearchCookie(encodeSearchCookie(SESSION, 'Uma Zulu'), '')).toBe('');
  });

  it('ignores a missing, malformed or tampered value', () => {
    const value = encodeSearchCookie(SESSION, 'Uma');
    const [tag] = value.split('.');
    for (const bad of [undefined, null, '', 'Uma', '.VW1h', `${tag}`, `${tag}.%55ma`, `${tag}.VW1h=`, `x${value}`]) {
      expect(decodeSearchCookie(bad, SESSION), String(bad)).toBe('');
    }
  });

  it('keeps a term as the lists match it: trimmed, bounded, without control characters', () => {
    expect(normalizeSearchTerm('  Uma  ')).toBe('Uma');
    expect(normalizeSearchTerm('a\u0000b\nc')).toBe('a b c');
    expect(normalizeSearchTerm('x'.repeat(500))).toHaveLength(SEARCH_TERM_MAX);
    expect(normalizeSearchTerm(['Uma'])).toBe('');
    expect(normalizeSearchTerm(undefined)).toBe('');
    const long = Buffer.from('y'.repeat(400)).toString('base64url');
    expect(decodeSearchCookie(`${encodeSearchCookie(SESSION, '').split('.')[0]}.${long}`, SESSION)).toHaveLength(SEARCH_TERM_MAX);
  });

  it('is a __Host- cookie when cookies are secure', () => {
    expect(searchCookieName('caseload', true)).toBe('__Host-mend.search.caseload');
    expect(searchCookieName('people', false)).toBe('mend.search.people');
  });
});

describe('where a search sends the browser', () => {
  it('back to its list with the other filters, never the term', () => {
    expect(listSearchHref('clients', { q: 'Uma', status: 'active', unassigned: '1', therapist: '' }, false)).toBe(
      '/admin/clients?status=active&unassigned=1',
    );
    expect(listSearchHref('people', { q: 'Uma', role: 'therapist' }, false)).toBe('/admin/people?role=therapist');
    expect(listSearchHref('caseload', { q: 'Uma', sort: 'name', page: '4', overdue: '1' }, false)).toBe('/caseload?overdue=1&sort=name');
  });

  it('"clear" keeps only how the list is arranged', () => {
    expect(listSearchHref('caseload', { q: 'Uma', sort: 'name', dir: 'desc', size: '50', status: 'active' }, true)).toBe(
      '/caseload?sort=name&dir=desc&size=50',
    );
    expect(listSearchHref('clients', { status: 'active' }, true)).toBe('/admin/clients');
  });

  it('never to another site or path, and never with a value no filter has', () => {
    for (const list of Object.keys(LIST_SEARCHES) as ListSearch[]) {
      const href = listSearchHref(list, { path: '//evil.example', status: 'x'.repeat(65), q: 'Uma' }, false);
      expect(href).toBe(LIST_SEARCHES[list].path);
      expect(LIST_SEARCHES[list].keep as readonly string[]).not.toContain('q');
    }
  });
});
