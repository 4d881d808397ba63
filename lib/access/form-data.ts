/**
 * Turns a submitted form into a plain object for zod. A key sent more than once, or ending in
 * "[]", becomes an array; a `__json` field (from client-built forms) is parsed and merged.
 * Next's own `$ACTION_*` fields are dropped.
 */
export function formToObject(input: FormData | Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (!input) return {};
  if (!(input instanceof FormData)) return typeof input === 'object' && !Array.isArray(input) ? { ...input } : {};
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of input.entries()) {
    if (rawKey.startsWith('$ACTION')) continue;
    if (typeof value !== 'string') continue;
    if (rawKey === '__json') {
      try {
        const parsed: unknown = JSON.parse(value);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(out, parsed);
      } catch {
        out.__json = value;
      }
      continue;
    }
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = isList ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

/** Submitted values to echo back after a failed action (React resets uncontrolled fields). */
export function echoValues(raw: Record<string, unknown>, secret: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (secret.includes(key)) continue;
    if (typeof value === 'string') out[key] = value.slice(0, 20_000);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
  }
  return out;
}
