import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseRosterView, rosterHref, rosterViewToSearchParams } from '@/lib/caseload/view';
import { parseClientFilters } from '@/lib/clients/admin-queries';
import { parseMemberFilters } from '@/lib/practice/queries';

/**
 * "No PHI in URLs": a list's search names a person (a client's or a colleague's name or email), and a URL is copied
 * into access logs, browser history and Referer headers. So a search is posted and kept for the session
 * (lib/ui/list-search.ts), and these rules fail a new list that puts its search in a URL.
 */

const ROOT = path.resolve(__dirname, '../../..');

/** Searches that cannot name a person, each with why. */
const ALLOWED = new Map([['app/(clinic)/library/page.tsx', 'searches exercise titles and themes, never people']]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const files = ['app', 'lib'].flatMap(sourceFiles).filter((file) => !ALLOWED.has(file));
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('a search never travels in a URL', () => {
  it('every search field is in a form posted to a list search action, never a GET form', () => {
    const field = /name=(["'])q\1|name=\{(["'])q\2\}|type=(["'])search\3/;
    const searching = files.filter((file) => field.test(read(file)));
    expect(searching.length).toBeGreaterThanOrEqual(3);
    const offending = searching.filter((file) => {
      const text = read(file);
      return !/searchAction/.test(text) || /method=(["'])get\1/i.test(text.slice(Math.max(0, text.search(field) - 2000), text.search(field)));
    });
    expect(offending).toEqual([]);
  });

  it('nothing reads a search from a URL or writes one into it', () => {
    const patterns = [
      /\b(?:one|first|get|getAll|has|set|append|put)\(\s*(?:\w+\s*,\s*)?(["'])q\1/,
      /\b(?:params|searchParams|query)(?:\?)?\.q\b/,
      /\b(?:params|searchParams|query)\[(["'])q\1\]/,
      /[?&]q=/,
    ];
    const offending = files.filter((file) => patterns.some((p) => p.test(read(file))));
    expect(offending).toEqual([]);
  });

  it('the three lists ignore a q in the URL, and their links never carry the term', () => {
    expect(parseRosterView({ q: 'Uma Zulu' }).q).toBe('');
    expect(parseRosterView(new URLSearchParams('q=Uma&sort=name'), 'Uma Zulu')).toMatchObject({ q: 'Uma Zulu', sort: 'name' });
    expect(parseClientFilters({ q: 'Uma Zulu' }).q).toBe('');
    expect(parseMemberFilters({ q: 'Uma Zulu' }).q).toBe('');
    const view = { ...DEFAULT_VIEW, q: 'Uma Zulu', status: 'active' as const };
    expect(rosterViewToSearchParams(view).has('q')).toBe(false);
    expect(rosterHref('/caseload', view)).toBe('/caseload?status=active');
  });
});
