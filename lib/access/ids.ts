/**
 * Ids arrive in URLs and forms; Postgres rejects a malformed uuid with an error, so anything that
 * is not one is treated as "not found" before it reaches a query.
 */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
