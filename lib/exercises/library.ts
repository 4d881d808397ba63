import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { exerciseTemplates, memberships, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { parseStoredDefinition, toBuilderInput } from './builder-input';
import { entryFromTemplate, filterLibrary, type LibraryEntry, type LibraryFilter } from './catalog';
import { buildCustomTemplate, type CustomTemplateInput } from './custom';
import { builtInTemplates, isBuiltInTemplateKey, latestBuiltInTemplates, resolveTemplateVersion } from './registry';
import type { ExerciseTemplate } from './types';

/** Custom keys are random, never derived from a title: keys appear in URLs and audit rows. */
export const CUSTOM_KEY_PATTERN = /^custom_[0-9a-f]{10}$/;

type CustomKeyState = {
  key: string;
  latestVersion: number;
  ownerMembershipId: string;
  sharedWithPractice: boolean;
  archived: boolean;
};

/** Every custom key of the practice with its latest version, owner (author of version 1) and flags. */
async function customKeyStates(tx: Tx, practiceId: string, keys?: string[]): Promise<Map<string, CustomKeyState>> {
  const where = keys
    ? and(eq(exerciseTemplates.practiceId, practiceId), inArray(exerciseTemplates.key, keys))
    : eq(exerciseTemplates.practiceId, practiceId);
  const rows = await tx
    .select({
      key: exerciseTemplates.key,
      version: exerciseTemplates.version,
      createdBy: exerciseTemplates.createdByMembershipId,
      shared: exerciseTemplates.sharedWithPractice,
      archived: exerciseTemplates.archived,
    })
    .from(exerciseTemplates)
    .where(where)
    .orderBy(asc(exerciseTemplates.key), asc(exerciseTemplates.version));
  const out = new Map<string, CustomKeyState>();
  for (const r of rows) {
    const prev = out.get(r.key);
    out.set(r.key, {
      key: r.key,
      latestVersion: r.version,
      ownerMembershipId: prev?.ownerMembershipId ?? r.createdBy,
      // Sharing and archiving are per exercise; the latest version's flags are authoritative.
      sharedWithPractice: r.shared,
      archived: r.archived,
    });
  }
  return out;
}

function visibleTo(actor: Actor, state: CustomKeyState): boolean {
  return state.sharedWithPractice || state.ownerMembershipId === actor.membershipId;
}

/** Who may edit, share or archive a custom exercise: its author, or an admin of the practice. */
export function mayManageCustom(actor: Actor, state: { ownerMembershipId: string }): boolean {
  return actor.role === 'admin' || state.ownerMembershipId === actor.membershipId;
}

async function authorNames(tx: Tx, practiceId: string, membershipIds: string[]): Promise<Map<string, string>> {
  if (!membershipIds.length) return new Map();
  const rows = await tx
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.practiceId, practiceId), inArray(memberships.id, membershipIds)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function customDefinitionRow(tx: Tx, practiceId: string, key: string, version: number) {
  const [row] = await tx
    .select({ definition: exerciseTemplates.definition })
    .from(exerciseTemplates)
    .where(and(eq(exerciseTemplates.practiceId, practiceId), eq(exerciseTemplates.key, key), eq(exerciseTemplates.version, version)));
  return row;
}

/** The latest version of the practice's custom exercises the actor may see (shared, or their own), not archived. */
async function visibleCustomEntries(tx: Tx, actor: Actor): Promise<LibraryEntry[]> {
  const states = [...(await customKeyStates(tx, actor.practiceId)).values()].filter((s) => !s.archived && visibleTo(actor, s));
  if (!states.length) return [];
  const latest = await tx
    .select({ key: exerciseTemplates.key, version: exerciseTemplates.version, definition: exerciseTemplates.definition })
    .from(exerciseTemplates)
    .where(
      and(
        eq(exerciseTemplates.practiceId, actor.practiceId),
        or(...states.map((s) => and(eq(exerciseTemplates.key, s.key), eq(exerciseTemplates.version, s.latestVersion)))),
      ),
    );
  const names = await authorNames(tx, actor.practiceId, [...new Set(states.map((s) => s.ownerMembershipId))]);
  const byKey = new Map(states.map((s) => [s.key, s]));
  const out: LibraryEntry[] = [];
  for (const row of latest) {
    const state = byKey.get(row.key);
    const parsed = parseStoredDefinition(row.definition);
    // An unreadable description is left out of the list rather than breaking the page.
    if (!state || !parsed.ok) continue;
    const template = buildCustomTemplate(parsed.definition, { key: row.key, version: row.version });
    out.push(
      entryFromTemplate(template, {
        sharedWithPractice: state.sharedWithPractice,
        mine: state.ownerMembershipId === actor.membershipId,
        authorName: names.get(state.ownerMembershipId),
      }),
    );
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

/** Built-in exercises (library order) and then the practice's own, searched and filtered by theme. */
export async function listLibrary(actor: Actor, filter: LibraryFilter = {}): Promise<LibraryEntry[]> {
  assertCan(actor, 'library.view');
  const custom = await withActor(actor, (tx) => visibleCustomEntries(tx, actor));
  const builtIn = latestBuiltInTemplates().map((t) => entryFromTemplate(t));
  return filterLibrary([...builtIn, ...custom], filter);
}

export type TemplateLookup =
  | {
      ok: true;
      template: ExerciseTemplate;
      entry: LibraryEntry;
      isLatest: boolean;
      latestVersion: number;
      archived: boolean;
      /** The actor may edit, share or archive it (custom only). */
      canManage: boolean;
    }
  | { ok: false; error: 'unknown_template' | 'unknown_version' | 'invalid_definition'; message: string; latestVersion?: number };

const UNKNOWN = { ok: false, error: 'unknown_template', message: 'That exercise is not in your library.' } as const satisfies TemplateLookup;

/**
 * One exercise at an exact version (default: the latest), inside a transaction the caller already scoped.
 * `visibility: 'library'` applies the library rule (shared or the actor's own); 'assigned' skips it, for
 * a caller that has already established access through an assignment (a client completing homework made
 * from a colleague's unshared exercise must still see it). Never throws for a bad key or version.
 */
export async function lookupTemplate(
  tx: Tx,
  actor: Actor,
  key: string,
  version: number | undefined,
  visibility: 'library' | 'assigned' = 'library',
): Promise<TemplateLookup> {
  if (typeof key !== 'string' || key.length > 80) return UNKNOWN;
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
    return { ok: false, error: 'unknown_version', message: 'That version of the exercise does not exist.' };
  }
  if (isBuiltInTemplateKey(key)) {
    const latestVersion = builtInTemplates[key].latestVersion;
    const resolved = resolveTemplateVersion(key, version ?? latestVersion);
    if (!resolved.ok) return { ok: false, error: resolved.error, message: resolved.message, latestVersion };
    return {
      ok: true,
      template: resolved.template,
      entry: entryFromTemplate(resolved.template),
      isLatest: resolved.isLatest,
      latestVersion,
      archived: false,
      canManage: false,
    };
  }
  if (!CUSTOM_KEY_PATTERN.test(key)) return UNKNOWN;
  const state = (await customKeyStates(tx, actor.practiceId, [key])).get(key);
  if (!state) return UNKNOWN;
  if (visibility === 'library' && (!visibleTo(actor, state) || actor.role === 'client')) return UNKNOWN;
  const wanted = version ?? state.latestVersion;
  const row = await customDefinitionRow(tx, actor.practiceId, key, wanted);
  if (!row) {
    return {
      ok: false,
      error: 'unknown_version',
      message: `Version ${wanted} of this exercise does not exist; the latest is version ${state.latestVersion}.`,
      latestVersion: state.latestVersion,
    };
  }
  const parsed = parseStoredDefinition(row.definition);
  if (!parsed.ok) return { ok: false, error: 'invalid_definition', message: parsed.message, latestVersion: state.latestVersion };
  const template = buildCustomTemplate(parsed.definition, { key, version: wanted });
  const names = await authorNames(tx, actor.practiceId, [state.ownerMembershipId]);
  return {
    ok: true,
    template,
    entry: entryFromTemplate(template, {
      sharedWithPractice: state.sharedWithPractice,
      mine: state.ownerMembershipId === actor.membershipId,
      authorName: names.get(state.ownerMembershipId),
    }),
    isLatest: wanted === state.latestVersion,
    latestVersion: state.latestVersion,
    archived: state.archived,
    canManage: actor.role !== 'client' && mayManageCustom(actor, state),
  };
}

export type AssignedTemplate = { ok: true; template: ExerciseTemplate } | { ok: false; message: string };
type TemplateRef = { key: string; version: number | null | undefined };

/** The key under which `lookupAssignedTemplates` answers for one (key, version); no version means the latest. */
export const templateRefId = (key: string, version: number | null | undefined): string => `${key}@${version ?? 'latest'}`;

/**
 * Many templates at once, for rows of homework already assigned (lookupTemplate's 'assigned' rule: access was
 * established through the assignment). Built-in exercises resolve in memory; the practice's own take two
 * statements however many rows ask for them (their keys' states, then every definition wanted), never one per row.
 */
export async function lookupAssignedTemplates(tx: Tx, actor: Actor, refs: readonly TemplateRef[]): Promise<Map<string, AssignedTemplate>> {
  const out = new Map<string, AssignedTemplate>();
  const custom: { id: string; key: string; version: number | undefined }[] = [];
  for (const { key, version } of refs) {
    const id = templateRefId(key, version);
    if (out.has(id) || custom.some((c) => c.id === id)) continue;
    if (typeof key !== 'string' || key.length > 80 || (!isBuiltInTemplateKey(key) && !CUSTOM_KEY_PATTERN.test(key))) {
      out.set(id, { ok: false, message: UNKNOWN.message });
    } else if (version != null && !(Number.isInteger(version) && version >= 1)) {
      out.set(id, { ok: false, message: 'That version of the exercise does not exist.' });
    } else if (isBuiltInTemplateKey(key)) {
      const resolved = resolveTemplateVersion(key, version ?? builtInTemplates[key].latestVersion);
      out.set(id, resolved.ok ? { ok: true, template: resolved.template } : { ok: false, message: resolved.message });
    } else {
      custom.push({ id, key, version: version ?? undefined });
    }
  }
  if (!custom.length) return out;
  const states = await customKeyStates(tx, actor.practiceId, [...new Set(custom.map((c) => c.key))]);
  const wanted = custom.flatMap((c) => {
    const state = states.get(c.key);
    if (!state) {
      out.set(c.id, { ok: false, message: UNKNOWN.message });
      return [];
    }
    return [{ ...c, version: c.version ?? state.latestVersion, latestVersion: state.latestVersion }];
  });
  if (!wanted.length) return out;
  const rows = await tx
    .select({ key: exerciseTemplates.key, version: exerciseTemplates.version, definition: exerciseTemplates.definition })
    .from(exerciseTemplates)
    .where(
      and(
        eq(exerciseTemplates.practiceId, actor.practiceId),
        or(...wanted.map((w) => and(eq(exerciseTemplates.key, w.key), eq(exerciseTemplates.version, w.version)))),
      ),
    );
  const definitions = new Map(rows.map((r) => [templateRefId(r.key, r.version), r.definition]));
  for (const w of wanted) {
    const definition = definitions.get(templateRefId(w.key, w.version));
    if (definition === undefined) {
      out.set(w.id, { ok: false, message: `Version ${w.version} of this exercise does not exist; the latest is version ${w.latestVersion}.` });
      continue;
    }
    const parsed = parseStoredDefinition(definition);
    out.set(w.id, parsed.ok ? { ok: true, template: buildCustomTemplate(parsed.definition, { key: w.key, version: w.version }) } : { ok: false, message: parsed.message });
  }
  return out;
}

/** For library pages: one exercise as the actor's library shows it. */
export async function getLibraryTemplate(actor: Actor, key: string, version?: number): Promise<TemplateLookup> {
  assertCan(actor, 'library.view');
  return withActor(actor, (tx) => lookupTemplate(tx, actor, key, version, 'library'));
}

/** For the builder's edit page: the latest version as builder input, only for its author or an admin. */
export async function getCustomExerciseForEdit(
  actor: Actor,
  key: string,
): Promise<{ key: string; version: number; input: CustomTemplateInput; sharedWithPractice: boolean } | null> {
  assertCan(actor, 'exercise.author');
  const found = await getLibraryTemplate(actor, key);
  if (!found.ok || found.template.origin !== 'custom' || !found.canManage || found.archived) return null;
  return {
    key,
    version: found.template.version,
    input: toBuilderInput(found.template),
    sharedWithPractice: found.entry.sharedWithPractice,
  };
}

export { customKeyStates };
