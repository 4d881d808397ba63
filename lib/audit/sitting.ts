/**
 * Draft saves are folded into sittings on the audit trail: autosave writes a draft every few seconds, and one
 * row per save buried everything else. A save starts a new sitting when the same item's previous draft save
 * is older than this gap (or there was none); only that save writes a row.
 */
export const SITTING_GAP_MS = 30 * 60 * 1000;

export function startsSitting(previousSaveAt: Date | null | undefined, now: Date): boolean {
  return !previousSaveAt || now.getTime() - previousSaveAt.getTime() > SITTING_GAP_MS;
}
