/**
 * The rows of a raw `tx.execute(sql…)` result. The drivers answer differently: postgres-js with the array of
 * rows itself, PGlite with `{ rows }`. The row type is the caller's statement of what its SELECT returns.
 */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] } | null)?.rows ?? []) as T[];
}
