/**
 * How long a session may live. Practices may shorten the idle limit, never lengthen it past the
 * maximum. Applied to the session row at every request by `session_actor` (db/migrations), with the
 * practice's setting as it is at that moment.
 */
export const SESSION_POLICY = {
  defaultIdleMinutes: 15,
  maxIdleMinutes: 30,
  absoluteHours: 12,
} as const;
