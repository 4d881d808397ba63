export const ROLES = ['admin', 'therapist', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** The person behind a request, loaded from the database on every request. */
export type Actor = {
  /** The server-side session this request belongs to (see lib/auth/sessions.ts). */
  sessionId: string;
  userId: string;
  membershipId: string;
  practiceId: string;
  role: Role;
  name: string;
  email: string;
  /** The client's own clinical record when the actor is a client. */
  clientId: string | null;
  /** Clients whose clinical content this actor may read (their care team). */
  careTeamClientIds: ReadonlySet<string>;
  /**
   * Whether the person has an active membership in another practice (the Account page then lists the practices
   * to switch to, which only a transaction scoped to the login alone may read).
   */
  hasOtherPractices: boolean;
  practice: {
    name: string;
    timeZone: string;
    safetyQuestionEnabled: boolean;
    idleTimeoutMinutes: number;
    isDemo: boolean;
  };
};
