/** How long a session may live. Practices may shorten the idle limit, never lengthen it past the maximum. */
export const SESSION_POLICY = {
  defaultIdleMinutes: 15,
  maxIdleMinutes: 30,
  absoluteHours: 12,
} as const;

export type SessionClock = { loginAt: number; lastActiveAt: number; idleMinutes: number };

/** Why a session has ended, or null while it is alive. */
export function sessionExpiry(clock: SessionClock, now: number): 'idle' | 'absolute' | null {
  const idle = Math.min(clock.idleMinutes || SESSION_POLICY.defaultIdleMinutes, SESSION_POLICY.maxIdleMinutes);
  if (now - clock.loginAt > SESSION_POLICY.absoluteHours * 3_600_000) return 'absolute';
  if (now - clock.lastActiveAt > idle * 60_000) return 'idle';
  return null;
}
