/**
 * Mend's own accounts desk (db/migrations/0019): a practice row nobody belongs to. Account email that
 * has no practice yet — a sign-up's confirmation link, "you already have an account" — is queued in
 * its outbox, and pending sign-ups are its rows.
 */
export const PLATFORM_PRACTICE_ID = '00000000-0000-4000-8000-000000000001';
