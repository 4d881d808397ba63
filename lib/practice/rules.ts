/** Refusal shown when a change would leave the practice without an active admin. */
export const LAST_ADMIN_MESSAGE = 'A practice needs at least one active admin. Make someone else an admin first.';

/** Staff roles only: a client's membership is bound to their clinical record and never becomes staff. */
export const STAFF_ROLES = ['admin', 'therapist'] as const;
