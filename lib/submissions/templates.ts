import 'server-only';
import type { Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/types';
import { lookupAssignedTemplates, lookupTemplate, templateRefId } from '@/lib/exercises/library';
import type { ExerciseTemplate } from '@/lib/exercises';

export type ResolvedTemplate = { ok: true; template: ExerciseTemplate } | { ok: false; message: string };
type TemplateRef = { key: string; version: number | null };

/**
 * The exact template a piece of homework was made with. Access to it was already established through the
 * assignment (the client's own, or a client on the care team), so the library's sharing rule does not apply:
 * a client must be able to complete an exercise from a colleague's unshared collection.
 */
export async function assignedTemplate(tx: Tx, actor: Actor, key: string, version: number | null | undefined): Promise<ResolvedTemplate> {
  const found = await lookupTemplate(tx, actor, key, version ?? undefined, 'assigned');
  return found.ok ? { ok: true, template: found.template } : { ok: false, message: found.message };
}

/** The templates of a list of homework rows, looked up together (a fixed number of statements, not one per row). */
export async function assignedTemplates(tx: Tx, actor: Actor, refs: readonly TemplateRef[]): Promise<(key: string, version: number | null) => ResolvedTemplate> {
  const found = await lookupAssignedTemplates(tx, actor, refs);
  return (key, version) => found.get(templateRefId(key, version)) ?? { ok: false, message: 'That exercise is not in your library.' };
}

/** Titles for a list of homework rows. Unknown ones get a neutral name. */
export async function templateTitles(tx: Tx, actor: Actor, refs: readonly TemplateRef[]): Promise<(key: string, version: number | null) => string> {
  const template = await assignedTemplates(tx, actor, refs);
  return (key, version) => {
    const found = template(key, version);
    return found.ok ? found.template.title : 'Exercise';
  };
}
