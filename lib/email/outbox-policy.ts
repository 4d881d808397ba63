/** How the email outbox retries (pure). */

/** After this many failed attempts a message stops being retried and shows as failed to the admin. */
export const MAX_EMAIL_ATTEMPTS = 12;

/** Wait before the next attempt: 30 s, doubling, at most 30 minutes (about 4 hours over all attempts). */
export function emailRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}
