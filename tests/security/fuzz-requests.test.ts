import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { malformedUrlReason } from '../../lib/security/input';
import { matrix } from './expectations';
import { listPages } from './harness/inventory';
import { visitPage } from './harness/matrix';
import { recordReport } from './harness/report';
import { countShapes, emptyShapes } from './harness/shapes';
import { ACTOR_KEYS, actAsKey, makeWorld } from './harness/world';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

/**
 * Every page and route handler, reached the way a browser reaches it: a URL with a hostile query
 * (and hostile dynamic segments) goes through the proxy's check first, exactly as in the app; what
 * passes is handed to the page as Next would. A 400 from the proxy is a clear answer; a throw, the
 * error page or a 5xx is a server error.
 */

const PER_PAGE = 6;
const PER_ROUTE = 25;

/** Every query name a page reads, and names that are members of Object.prototype. */
const NAMES = [
  'q', 'status', 'therapist', 'sort', 'dir', 'page', 'size', 'band', 'alert', 'change', 'overdue', 'disengaged', 'range',
  'v', 'compare', 'show', 'welcome', 'saved', 'updated', 'role', 'action', 'client', 'person', 'from', 'to', 'unassigned',
  'id', 'kind', 'measure', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__',
];

/** Already percent-encoded, as they would sit in a URL: NUL, bytes that are not UTF-8, encoded lone surrogates. */
const RAW = ['%00', 'a%00b', '%FF%FE', '%ED%A0%80', '%E0%A4%A', '%', '%G1', '%C0%AF', '%F0%9F%98', 'x%ED%B0%80y'];

const wellFormed = fc.oneof(
  fc.constantFrom('', ' ', '\u202e\u2066evil\u2069', '😀'.repeat(100), "'; drop table clients; --", '=1+1', 'x'.repeat(5000), '-1', '1e308', 'NaN',
    '00000000-0000-0000-0000-000000000000', 'constructor', '__proto__', '[object Object]', '2024-02-30'),
  fc.string({ maxLength: 60 }).filter((v) => v.isWellFormed()),
);
const rawValue = fc.oneof(wellFormed.map((v) => encodeURIComponent(v)), fc.constantFrom(...RAW));
const query = fc.array(fc.tuple(fc.constantFrom(...NAMES), rawValue), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const segment = fc.option(fc.oneof(rawValue, fc.constantFrom('constructor', '__proto__', 'toString')), { freq: 3 });

/** What Next hands a page as searchParams: each name once, a repeated name as a list. */
function searchParamsOf(url: URL): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of url.searchParams) {
    const existing = out[k];
    out[k] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return out;
}

function buildUrl(route: string, params: Record<string, string>, hostileSegment: string | null, q: string): string {
  const path = route.replace(/\[\.{0,3}([^\]]+)\]/g, (_, name: string) => hostileSegment ?? encodeURIComponent(params[name] ?? 'x'));
  return `http://localhost${path}?${q}`;
}

/** A URL whose text decodes to a NUL byte or to bytes that are not UTF-8 must be refused before any page. */
function mustBeRefused(url: string): boolean {
  const u = new URL(url);
  const parts = [u.pathname, ...u.search.slice(1).split('&')];
  return parts.some((part) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' ')).includes('\u0000');
    } catch {
      return true;
    }
  });
}

describe('fuzzing every page and route handler through its URL', () => {
  it('answers hostile queries and path segments with a 400 or a page: never a server error', async ({ task }) => {
    const world = await makeWorld();
    const ctx = { world, a: world.fixtureA, b: world.fixtureB };
    const shapes = emptyShapes();
    const serverErrors: string[] = [];
    const unrefused: string[] = [];
    let requests = 0;
    let refused = 0;
    let seed = Number(process.env.FUZZ_SEED ?? 20_260_101);

    const pass = (url: string): URL | null => {
      requests += 1;
      countShapes(shapes, url);
      if (malformedUrlReason(url)) {
        refused += 1;
        return null;
      }
      if (mustBeRefused(url)) unrefused.push(url);
      return new URL(url);
    };

    for (const page of listPages()) {
      const expectation = matrix.pages[page.route];
      if (!expectation) continue; // isolation.test.ts fails on this already
      const as = ACTOR_KEYS.find((k) => expectation.expect[k] === 'ok');
      if (!as) continue;
      const params = expectation.params?.(ctx) ?? {};
      const samples = fc.sample(fc.tuple(query, page.dynamicSegments.length ? segment : fc.constant(null)), { numRuns: PER_PAGE, seed: seed++ });
      for (const [q, hostileSegment] of samples) {
        const url = buildUrl(page.route, params, hostileSegment, q);
        const passed = pass(url);
        if (!passed) continue;
        // Next decodes each dynamic segment before the page sees it.
        const decodedParams = hostileSegment === null ? params : Object.fromEntries(page.dynamicSegments.map((name) => [name, decodeURIComponent(hostileSegment)]));
        const got = await visitPage(page, { ...expectation, params: () => decodedParams, searchParams: searchParamsOf(passed) }, ctx, as);
        if (got.outcome === 'error') serverErrors.push(`${url} as ${as}: ${got.detail}`);
      }
    }

    const routes = [
      { route: '/caseload/export', load: () => import('../../app/(clinic)/caseload/export/route'), as: 'therapistA1' as const },
      { route: '/admin/audit/export', load: () => import('../../app/(clinic)/admin/audit/export/route'), as: 'adminA' as const },
    ];
    for (const { route, load, as } of routes) {
      const { GET } = await load();
      for (const q of fc.sample(query, { numRuns: PER_ROUTE, seed: seed++ }).concat(['q=%00', 'q=a%00b&status=%FF%FE', `id=${encodeURIComponent('__proto__')}&id=x`])) {
        const url = `http://localhost${route}?${q}`;
        if (!pass(url)) continue;
        actAsKey(world, as);
        try {
          const response = await GET(new Request(url));
          if (response.status >= 500) serverErrors.push(`${url} as ${as}: status ${response.status}`);
        } catch (error) {
          serverErrors.push(`${url} as ${as}: threw ${(error as Error)?.name}: ${(error as Error)?.message?.slice(0, 200)}`);
        } finally {
          actAsKey(world, 'signedOut');
        }
      }
    }

    recordReport(task, { fuzz: { payloads: requests, serverErrors: serverErrors.length, unexpectedWrites: 0, shapes } });
    expect(serverErrors.slice(0, 30)).toEqual([]);
    expect(unrefused.slice(0, 30)).toEqual([]);
    expect(refused).toBeGreaterThan(20);
    expect(shapes.nulBytes).toBeGreaterThan(10);
    expect(shapes.malformedEncodings).toBeGreaterThan(10);
    expect(shapes.prototypeKeys).toBeGreaterThan(10);
  });
});
