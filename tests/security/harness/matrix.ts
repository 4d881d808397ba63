import { isValidElement } from 'react';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { PERMISSIONS } from '../../../lib/access/permissions';
import type { Role } from '../../../lib/auth/types';
import { type CallResult, callAction, textOf } from './call';
import { type ActionEntry, type PageRoute, listPages, loadActions } from './inventory';
import { diff, snapshot } from './snapshot';
import type { ActionProbe, Outcome, PageExpectation, PageOutcome, ProbeContext } from './types';
import { ACTOR_KEYS, type ActorKey, type World, actAsKey, makeWorld } from './world';

export type Tally = {
  probes: number;
  refused: number;
  allowed: number;
  /** Something was read or changed that should not have been. */
  leaks: string[];
  /** The matrix disagrees with the code without a leak (wrongly refused, server error, missing entry). */
  failures: string[];
};

export const emptyTally = (): Tally => ({ probes: 0, refused: 0, allowed: 0, leaks: [], failures: [] });

const permittedRoles = (permission: string | null): readonly Role[] | null =>
  permission === null ? null : ((PERMISSIONS as Record<string, readonly Role[]>)[permission] ?? []);

/** What each actor must get from the probe's input: derived from the permission map, then the probe's `entitled`. */
export function expectedOutcomes(entry: ActionEntry, probe: ActionProbe, world: World): Record<ActorKey, Outcome> {
  const roles = permittedRoles(entry.definition.permission);
  const out = {} as Record<ActorKey, Outcome>;
  for (const key of ACTOR_KEYS) {
    const actor = world.actors[key];
    if (roles === null) {
      const stated = probe.expect?.[key];
      if (!stated) throw new Error(`${entry.name} has no permission, so its probe must state the outcome for ${key}`);
      out[key] = stated;
      continue;
    }
    const mayAttempt = actor.role !== null && key !== 'deactivated' && roles.includes(actor.role);
    const entitled = probe.entitled === 'every-permitted-role' ? mayAttempt : probe.entitled.includes(key);
    if (entitled && !mayAttempt) {
      throw new Error(`${entry.name}: the probe names ${key} as entitled, but the permission map refuses that role`);
    }
    out[key] = entitled ? 'allowed' : 'refused';
  }
  return out;
}

/** Text an actor must never see: the victim's clinical text, private notes and, outside A1's circle, A1's name. */
export function forbiddenFor(key: ActorKey, ctx: ProbeContext): string[] {
  const out: string[] = [];
  if (key !== 'clientA1' && key !== 'therapistA1') out.push(ctx.a.clinicalCanary);
  if (key !== 'therapistA1') out.push(ctx.a.privateCanary);
  if (!['clientA1', 'therapistA1', 'adminA'].includes(key)) out.push(ctx.world.A.clientA1.name);
  if (!['adminB', 'therapistB'].includes(key)) out.push(ctx.b.clinicalCanary, ctx.b.privateCanary);
  return out;
}

/** Mass-assignment fields an attacker adds to a form, pointing at the other practice. */
export function massAssignment(key: ActorKey, ctx: ProbeContext): Record<string, unknown> {
  const inB = ctx.world.actors[key].practiceId === ctx.world.B.id;
  const other = inB ? ctx.world.A : ctx.world.B;
  const otherFixture = inB ? ctx.a : ctx.b;
  return {
    practiceId: other.id,
    clientId: otherFixture.clientId,
    userId: other.admin.userId,
    membershipId: other.admin.membershipId,
    role: 'admin',
    status: 'archived',
    id: otherFixture.assignmentId,
  };
}

/** Rows an allowed call may change: a client's own record, a therapist's care team, an admin's practice, one's own login. */
export function allowedWrites(key: ActorKey, world: World): (k: string) => boolean {
  const actor = world.actors[key];
  if (!actor.person || !actor.practiceId) return () => false;
  const own = `users@${actor.person.userId}`;
  const practice = `@${actor.practiceId}#`;
  const clients: Partial<Record<ActorKey, string[]>> = {
    clientA1: [world.A.clientA1.clientId],
    clientA2: [world.A.clientA2.clientId],
    therapistA1: [world.A.clientA1.clientId],
    therapistA: [world.A.clientA2.clientId],
    therapistB: [world.B.clientA1.clientId],
  };
  const members = actor.role === 'admin' ? membersOf(world, actor.practiceId).map((id) => `users@${id}`) : [];
  return (k) => {
    if (k === own || members.includes(k)) return true;
    const at = k.indexOf(practice);
    if (at < 0) return false;
    if (actor.role === 'admin') return true;
    const client = k.slice(at + practice.length);
    return client === '-' || (clients[key] ?? []).includes(client);
  };
}

function membersOf(world: World, practiceId: string): string[] {
  const p = practiceId === world.A.id ? world.A : world.B;
  const extra = practiceId === world.A.id ? [world.deactivated.userId] : [];
  return [p.admin, p.therapist, p.otherTherapist, p.clientA1, p.clientA2].map((x) => x.userId).concat(extra);
}

function worldUsers(world: World): string[] {
  const people = [world.A.admin, world.A.therapist, world.A.otherTherapist, world.A.clientA1, world.A.clientA2, world.B.admin, world.B.therapist, world.B.otherTherapist, world.B.clientA1, world.B.clientA2, world.deactivated];
  return people.map((p) => p.userId);
}

export async function runActionProbe(entry: ActionEntry, probe: ActionProbe, firstWorld: World, tally: Tally): Promise<void> {
  const expected = expectedOutcomes(entry, probe, firstWorld);
  let world = firstWorld;
  let ctx: ProbeContext = { world, a: world.fixtureA, b: world.fixtureB };
  let practices = [world.A.id, world.B.id];
  let people = worldUsers(world);
  // Refusals first, on the untouched state; then the first call that must succeed, on that same state.
  // Each further allowed caller gets a fresh world, so one success (an archive, a password change)
  // cannot turn the next into a refusal.
  const order = [...ACTOR_KEYS].sort((x, y) => Number(expected[x] === 'allowed') - Number(expected[y] === 'allowed'));
  let allowedSoFar = 0;
  for (const key of order) {
    if (expected[key] === 'allowed' && allowedSoFar++ > 0) {
      world = await makeWorld();
      ctx = { world, a: world.fixtureA, b: world.fixtureB };
      practices = [world.A.id, world.B.id];
      people = worldUsers(world);
    }
    const variants: { label: string; input: Record<string, unknown>; strict: boolean }[] = [{ label: '', input: probe.input(ctx), strict: true }];
    if (expected[key] === 'allowed' && entry.definition.permission !== null) {
      variants.push({ label: ' with mass-assigned fields', input: { ...probe.input(ctx), ...massAssignment(key, ctx) }, strict: false });
    }
    for (const variant of variants) {
      const where = `${entry.name} as ${key}${variant.label}`;
      const before = await snapshot(practices, people);
      actAsKey(world, key);
      const result: CallResult = await callAction(entry.fn, variant.input);
      actAsKey(world, 'signedOut');
      const changed = diff(before, await snapshot(practices, people));
      tally.probes += 1;
      if (result.kind === 'error') {
        tally.failures.push(`${where}: server error (${result.detail})`);
        continue;
      }
      const seen = result.kind === 'refused' ? textOf([result.value.formError, result.value.fieldErrors]) : textOf(result.value);
      const exposed = forbiddenFor(key, ctx).filter((s) => seen.includes(s));
      if (exposed.length) tally.leaks.push(`${where}: the answer contains ${exposed.join(', ')}`);
      if (expected[key] === 'refused' || !variant.strict) {
        if (variant.strict && result.kind === 'ok') {
          tally.leaks.push(`${where}: allowed, but the matrix says refused${changed.length ? ` (changed ${changed.join(', ')})` : ''}`);
          continue;
        }
        const wrongWrites = variant.strict ? changed : changed.filter((k) => !allowedWrites(key, world)(k));
        if (wrongWrites.length) {
          tally.leaks.push(`${where}: ${result.kind === 'refused' ? 'refused, yet changed' : 'changed'} ${wrongWrites.join(', ')}`);
          continue;
        }
        if (variant.strict) tally.refused += 1;
        else tally.allowed += 1;
        continue;
      }
      if (result.kind === 'refused') {
        tally.failures.push(`${where}: refused ("${result.value.formError}" ${JSON.stringify(result.value.fieldErrors)}), but the matrix says allowed`);
        continue;
      }
      const outside = changed.filter((k) => !allowedWrites(key, world)(k));
      if (outside.length) {
        tally.leaks.push(`${where}: allowed, but changed rows that are not its own to change: ${outside.join(', ')}`);
        continue;
      }
      tally.allowed += 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Pages

export function classifyThrow(error: unknown): PageOutcome | null {
  if (isRedirectError(error)) {
    // The digest is "NEXT_REDIRECT;<type>;<url>;<status>;".
    const url = String((error as { digest?: string }).digest).split(';').slice(2, -2).join(';');
    return url === '/login' ? 'login' : `redirect:${url}`;
  }
  const digest = (error as { digest?: string })?.digest;
  if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return 'notFound';
  return null;
}

/** Renders what a server component tree would: async components are awaited, everything else is read as data. */
async function renderedText(node: unknown, depth = 0): Promise<string> {
  if (depth > 30 || node == null) return '';
  if (Array.isArray(node)) return (await Promise.all(node.map((n) => renderedText(n, depth + 1)))).join('\n');
  if (isValidElement(node)) {
    const type = node.type as unknown;
    const props = node.props as Record<string, unknown>;
    let inner = '';
    if (typeof type === 'function' && type.constructor.name === 'AsyncFunction') {
      inner = await renderedText(await (type as (p: unknown) => Promise<unknown>)(props), depth + 1);
    }
    const { children, ...rest } = props;
    return [textOf(rest), await renderedText(children, depth + 1), inner].join('\n');
  }
  if (node instanceof Promise) return renderedText(await node, depth + 1);
  return textOf(node);
}

export async function visitPage(page: PageRoute, expectation: PageExpectation, ctx: ProbeContext, key: ActorKey): Promise<{ outcome: PageOutcome | 'error'; text: string; detail?: string }> {
  const params = Promise.resolve(expectation.params?.(ctx) ?? {});
  const searchParams = Promise.resolve(expectation.searchParams ?? {});
  actAsKey(ctx.world, key);
  try {
    // Layouts run before the page is sent: the first one to redirect or 404 decides.
    for (const file of page.layouts) {
      const Layout = ((await import(file)) as { default: (p: unknown) => unknown }).default;
      try {
        await Layout({ children: null, params });
      } catch (error) {
        const outcome = classifyThrow(error);
        if (outcome) return { outcome, text: '' };
        return { outcome: 'error', text: '', detail: `${file}: ${(error as Error)?.message}` };
      }
    }
    const Page = ((await import(page.file)) as { default: (p: unknown) => unknown }).default;
    try {
      const tree = await Page({ params, searchParams });
      return { outcome: 'ok', text: await renderedText(tree) };
    } catch (error) {
      const outcome = classifyThrow(error);
      if (outcome) return { outcome, text: '' };
      return { outcome: 'error', text: '', detail: `${(error as Error)?.name}: ${(error as Error)?.message}` };
    }
  } finally {
    actAsKey(ctx.world, 'signedOut');
  }
}

export async function runPageProbe(page: PageRoute, expectation: PageExpectation, ctx: ProbeContext, tally: Tally): Promise<void> {
  const practices = [ctx.world.A.id, ctx.world.B.id];
  const people = worldUsers(ctx.world);
  for (const key of ACTOR_KEYS) {
    const want = expectation.expect[key];
    const where = `page ${page.route} as ${key}`;
    const before = await snapshot(practices, people);
    const got = await visitPage(page, expectation, ctx, key);
    // Viewing may be audited (a clinical record read leaves a row in the viewer's own practice).
    const viewerPractice = ctx.world.actors[key].practiceId;
    const changed = diff(before, await snapshot(practices, people)).filter(
      (k) => !(got.outcome === 'ok' && viewerPractice && k.startsWith(`audit_events@${viewerPractice}#`)),
    );
    tally.probes += 1;
    if (changed.length) tally.leaks.push(`${where}: rendering changed ${changed.join(', ')}`);
    const exposed = forbiddenFor(key, ctx).filter((s) => got.text.includes(s));
    if (exposed.length) {
      tally.leaks.push(`${where}: the page shows ${exposed.join(', ')}`);
      continue;
    }
    if (got.outcome === 'error') {
      tally.failures.push(`${where}: server error (${got.detail})`);
      continue;
    }
    if (got.outcome !== want) {
      if (got.outcome === 'ok') tally.leaks.push(`${where}: rendered, but the matrix says ${want}`);
      else tally.failures.push(`${where}: ${got.outcome}, but the matrix says ${want}`);
      continue;
    }
    if (want === 'ok') tally.allowed += 1;
    else tally.refused += 1;
  }
}

export type Matrix = {
  actions: Record<string, ActionProbe>;
  pages: Record<string, PageExpectation>;
  /** Route handlers (route.ts), each with a sentence on why it is safe. */
  routeHandlers: Record<string, string>;
};

/** The whole matrix: every action and every page found in the code, each with every actor. */
export async function runIsolation(matrix: Matrix, options: { only?: (name: string) => boolean } = {}): Promise<Tally> {
  const tally = emptyTally();
  const { actions, undeclared } = await loadActions();
  for (const u of undeclared) tally.failures.push(`${u}: exported from a 'use server' module without a definition (no permission declared)`);
  const names = new Set<string>();
  for (const entry of actions) {
    if (names.has(entry.name)) tally.failures.push(`${entry.name}: two actions share this name (${entry.file}#${entry.exportName})`);
    names.add(entry.name);
  }
  const selected = actions.filter((a) => !options.only || options.only(a.name));
  for (const entry of selected) {
    const probe = matrix.actions[entry.name];
    if (!probe) {
      tally.failures.push(`${entry.name} (${entry.file}#${entry.exportName}) has no expected outcome: add a probe in tests/security/probes/`);
      continue;
    }
    await runActionProbe(entry, probe, await makeWorld(), tally);
  }
  for (const stale of Object.keys(matrix.actions).filter((n) => !names.has(n))) {
    tally.failures.push(`probe for ${stale}, but no such action exists (renamed?)`);
  }
  if (!options.only) {
    const world = await makeWorld();
    const ctx = { world, a: world.fixtureA, b: world.fixtureB };
    const pages = listPages();
    for (const page of pages) {
      const expectation = matrix.pages[page.route];
      if (!expectation) {
        tally.failures.push(`page ${page.route} (${page.file}) has no expected outcome: add it in tests/security/expectations.ts`);
        continue;
      }
      await runPageProbe(page, expectation, ctx, tally);
    }
    for (const stale of Object.keys(matrix.pages).filter((r) => !pages.some((p) => p.route === r))) {
      tally.failures.push(`expectation for page ${stale}, but no such page exists`);
    }
  }
  return tally;
}
