import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PERMISSIONS } from '../../lib/access/permissions';
import type { Role } from '../../lib/auth/types';
import { matrix } from './expectations';
import { callAction } from './harness/call';
import { loadActions } from './harness/inventory';
import { allowedWrites, expectedOutcomes } from './harness/matrix';
import { countShapes, emptyShapes } from './harness/shapes';
import { recordReport } from './harness/report';
import { diff, snapshot } from './harness/snapshot';
import { ACTOR_KEYS, type ActorKey, actAsKey, makeWorld } from './harness/world';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

const MIN_PAYLOADS = 1_000;

/** Keys that name a member of Object.prototype: as data they must stay data. */
const PROTOTYPE_KEYS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf', '__defineGetter__'];
const LONE_SURROGATES = ['\ud800', 'a\udc00b', '\udfff\ud800', 'end\ud83d'];
const MALFORMED_ENCODINGS = ['%FF%FE', '%ED%A0%80', '%E0%A4%A', '%', '%G1', '%C0%AF'];

/** An object whose keys are prototype members, e.g. answers { constructor: 1, __proto__: { … } }. */
const prototypeKeyed = fc.dictionary(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.constant({ admin: true, occurrenceId: '00000000-0000-0000-0000-000000000000' })),
  { minKeys: 1, maxKeys: 3 },
);

/** Values no form should be able to hurt the server with. */
const hostile = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '\u202e\u2066evil\u2069', '\u200b', '\r\n\t', '\u001b[31m', '😀'.repeat(500), '👨‍👩‍👧‍👦',
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; drop table clients; --", '=HYPERLINK("http://x")',
    '../../etc/passwd', '%00', '{"__proto__":{"admin":true}}', 'x'.repeat(70_000), '0000-00-00', '2024-02-30', '9999-12-31',
    '-271821-04-19', '+275760-09-13', 'NaN', 'Infinity', '-1', '1e308', '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff', 'true', 'on', 'null', 'undefined', '[object Object]',
    ...PROTOTYPE_KEYS, ...LONE_SURROGATES, ...MALFORMED_ENCODINGS, '\u0000\u0000', 'name\u0000@x.example',
  ),
  prototypeKeyed,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer(),
  fc.constantFrom(-1, 0, 1, -0, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 0.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
);

const MASS_FIELDS = ['practiceId', 'role', 'clientId', 'status', 'userId', 'membershipId', 'id', 'isAdmin', '__proto__', 'constructor'];

/** A payload: the probe's valid input with fields replaced, dropped or added, sent as a form or as an object. */
function payloadFor(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  return fc
    .record({
      replace: fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.constant('x'), hostile, { maxKeys: Math.max(1, keys.length) }),
      drop: fc.subarray(keys),
      extra: fc.dictionary(fc.constantFrom(...MASS_FIELDS), hostile, { maxKeys: 3 }),
      // Inside the objects a probe sends (answers), prototype keys beside the real ones.
      nested: fc.option(prototypeKeyed, { freq: 3 }),
      asJson: fc.option(fc.constantFrom('{"__proto__":{"admin":true,"role":"admin"}}', '{"constructor":{"prototype":{"x":1}}}', '{"toString":"x","valueOf":1}', '{"a":"\\u0000","b":"\\ud800"}'), { freq: 4 }),
      asForm: fc.boolean(),
      wholeJunk: fc.option(hostile, { freq: 8 }),
    })
    .map(({ replace, drop, extra, nested, asJson, asForm, wholeJunk }) => {
      if (wholeJunk !== null) return { payload: wholeJunk as never, label: 'junk payload' };
      const object: Record<string, unknown> = { ...base, ...replace, ...extra };
      for (const k of drop) delete object[k];
      if (nested) {
        for (const [k, v] of Object.entries(object)) {
          if (v && typeof v === 'object' && !Array.isArray(v)) object[k] = { ...v, ...nested };
        }
      }
      if (!asForm) return { payload: object, label: 'object' };
      const form = new FormData();
      for (const [k, v] of Object.entries(object)) {
        if (Array.isArray(v)) for (const item of v) form.append(`${k}[]`, typeof item === 'string' ? item : JSON.stringify(item));
        else form.append(k, typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v));
      }
      if (asJson !== null) form.append('__json', asJson);
      return { payload: form, label: 'form' };
    });
}

describe('fuzzing every action', () => {
  it('answers every hostile payload with a refusal or a legitimate result: no 500, no stray write', async ({ task }) => {
    const { actions } = await loadActions();
    const perAction = Math.ceil(MIN_PAYLOADS / Math.max(1, actions.length)) + 2;
    let payloads = 0;
    const serverErrors: string[] = [];
    const strayWrites: string[] = [];
    const shapes = emptyShapes();
    for (const entry of actions) {
      const probe = matrix.actions[entry.name];
      if (!probe) continue; // isolation.test.ts fails on this already
      const world = await makeWorld();
      const ctx = { world, a: world.fixtureA, b: world.fixtureB };
      const expected = expectedOutcomes(entry, probe, world);
      const roles = entry.definition.permission ? (PERMISSIONS as Record<string, readonly Role[]>)[entry.definition.permission] ?? [] : null;
      const as: ActorKey =
        probe.fuzzAs ?? ACTOR_KEYS.find((k) => expected[k] === 'allowed') ?? ACTOR_KEYS.find((k) => roles?.includes(world.actors[k].role as Role)) ?? 'signedOut';
      const base = (probe.fuzzInput ?? probe.input)(ctx);
      const practices = [world.A.id, world.B.id];
      const may = allowedWrites(as, world);
      const samples = fc.sample(payloadFor(base), { numRuns: perAction, seed: Number(process.env.FUZZ_SEED ?? 20_260_101) + payloads });
      for (const { payload, label } of samples) {
        const before = await snapshot(practices, []);
        actAsKey(world, as);
        countShapes(shapes, payload);
        const result = await callAction(entry.fn, payload);
        actAsKey(world, 'signedOut');
        const changed = diff(before, await snapshot(practices, []));
        payloads += 1;
        if (result.kind === 'error') serverErrors.push(`${entry.name} as ${as} (${label}): ${result.detail}`);
        else if (result.kind === 'refused' && changed.length) strayWrites.push(`${entry.name} as ${as}: refused, yet changed ${changed.join(', ')}`);
        else if (result.kind === 'ok' && changed.some((k) => !may(k))) {
          strayWrites.push(`${entry.name} as ${as}: changed ${changed.filter((k) => !may(k)).join(', ')}`);
        }
      }
    }
    recordReport(task, { fuzz: { payloads, serverErrors: serverErrors.length, unexpectedWrites: strayWrites.length, shapes } });
    // The corpus really carries the shapes that once broke actions.
    for (const [shape, count] of Object.entries(shapes)) expect(count, shape).toBeGreaterThan(20);
    expect(serverErrors.slice(0, 30)).toEqual([]);
    expect(strayWrites.slice(0, 30)).toEqual([]);
    expect(payloads).toBeGreaterThanOrEqual(MIN_PAYLOADS);
  });
});
