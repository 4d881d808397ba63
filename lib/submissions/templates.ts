import 'server-only';
import type { Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/types';
import { lookupTemplate } from '@/lib/exercises/library';
import type { ExerciseTemplate } from '@/lib/exercises';

export type ResolvedTemplate = { ok: true; template: ExerciseTemplate } | { ok: false; message: string };

/**
 * The exact template a piece of homework was made with. Access to it was already established through the
 * assignment (the client's own, or a client on the care team), so the library's sharing rule does not apply:
 * a client must be able to complete an exercise from a colleague's unshared collection.
 */
export async function assignedTemplate(tx: Tx, actor: Actor, key: string, version: number | null | undefined): Promise<ResolvedTemplate> {
  const found = await lookupTemplate(tx, actor, key, version ?? undefined, 'assigned');
  return found.ok ? { ok: true, template: found.template } : { ok: false, message: found.message };
}

/** Titles for a list of homework rows, looked up once per (key, version). Unknown ones get a neutral name. */
export async function templateTitles(
  tx: Tx,
  actor: Actor,
  pairs: readonly { key: string; version: number | null }[],
): Promise<(key: string, version: number | null) => string> {
  const titles = new Map<string, string>();
  for (const { key, version } of pairs) {
    const id = `${key}@${version ?? 'latest'}`;
    if (titles.has(id)) continue;
    const found = await assignedTemplate(tx, actor, key, version);
    titles.set(id, found.ok ? found.template.title : 'Exercise');
  }
  return (key, version) => titles.get(`${key}@${version ?? 'latest'}`) ?? 'Exercise';
}
