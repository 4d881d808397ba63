import { describe, expect, it, vi } from 'vitest';
import { forbiddenFor } from './harness/matrix';
import { ACTOR_KEYS, type ActorKey, actAsKey, makeWorld } from './harness/world';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

/**
 * The per-client route handlers (CSV files and the FHIR bundle), called as each of the nine actors against
 * A1's record. Only A1's care team (and, from the portal, A1 themself) get it; everyone else gets the same 404
 * as a record that does not exist, or 401 when signed out; no answer holds anything the actor must not see.
 */
type Route = {
  name: string;
  // Each handler takes its own params; the probe passes what `params` builds for it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load: () => Promise<{ GET: (request: Request, context: { params: Promise<any> }) => Promise<Response> }>;
  params: (clientId: string) => Record<string, string>;
  entitled: ActorKey[];
};

const ROUTES: Route[] = [
  ...(['checkins', 'measures', 'homework'] as const).map((file) => ({
    name: `/clients/[clientId]/export/${file}`,
    load: () => import('../../app/(clinic)/clients/[clientId]/export/[file]/route'),
    params: (clientId: string) => ({ clientId, file }),
    entitled: ['therapistA1'] as ActorKey[],
  })),
  {
    name: '/clients/[clientId]/export/(unknown file)',
    load: () => import('../../app/(clinic)/clients/[clientId]/export/[file]/route'),
    params: (clientId: string) => ({ clientId, file: '..%2Faudit' }),
    entitled: [],
  },
  {
    name: '/clients/[clientId]/fhir',
    load: () => import('../../app/(clinic)/clients/[clientId]/fhir/route'),
    params: (clientId: string) => ({ clientId }),
    entitled: ['therapistA1'],
  },
  ...(['checkins', 'measures', 'homework'] as const).map((file) => ({
    name: `/portal/export/${file}`,
    load: () => import('../../app/portal/export/[file]/route'),
    // The portal takes no client id: whatever is asked, a client gets their own record.
    params: () => ({ file }),
    entitled: ['clientA1', 'clientA2'] as ActorKey[],
  })),
];

describe('the per-client exports (route handlers)', () => {
  it('answer each actor with only what they may see', async () => {
    const world = await makeWorld();
    const ctx = { world, a: world.fixtureA, b: world.fixtureB };
    for (const route of ROUTES) {
      const { GET } = await route.load();
      for (const key of ACTOR_KEYS) {
        actAsKey(world, key);
        const response = await GET(new Request('http://localhost/export'), {
          params: Promise.resolve(route.params(ctx.a.clientId)),
        });
        // Decoded keeping the byte-order mark (Response.text() would drop it).
        const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
        actAsKey(world, 'signedOut');
        const label = `${route.name} as ${key}`;
        if (key === 'signedOut' || key === 'deactivated') expect(response.status, label).toBe(401);
        else if (route.entitled.includes(key)) expect(response.status, label).toBe(200);
        else expect(response.status, label).toBe(404);
        const secrets = forbiddenFor(key, ctx);
        // A2 reads their own record from the portal: nothing of A1's clinical content may be in it.
        if (key === 'clientA2') secrets.push(ctx.a.clinicalCanary);
        for (const secret of secrets) expect(body.includes(secret), `${label} sees ${secret}`).toBe(false);
        if (
          response.status === 200 &&
          (key === 'therapistA1' || key === 'clientA1') &&
          route.name !== '/clients/[clientId]/fhir'
        ) {
          expect(body.charCodeAt(0), `${label} starts with a byte-order mark`).toBe(0xfeff);
        }
        if (response.status === 200 && route.name.endsWith('checkins') && (key === 'therapistA1' || key === 'clientA1'))
          expect(body, label).toContain(ctx.a.clinicalCanary);
      }
    }
  });
});
