/**
 * The harness renders pages and layouts as server components outside a live request (see auth-mock.ts for
 * Auth.js). Next's request APIs stand in here as the request of a browser that sent no cookies: the root layout
 * reads the theme cookie, and a page that reads none is unaffected.
 */
import { vi } from 'vitest';

vi.mock('next/headers', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next/headers')>();
  const noCookies = {
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    // An action that keeps something for the session (a list's search) writes nowhere here.
    set: () => undefined,
    delete: () => undefined,
    size: 0,
    [Symbol.iterator]: function* () {},
  };
  return { ...actual, cookies: async () => noCookies };
});
