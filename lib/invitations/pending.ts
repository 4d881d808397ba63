import 'server-only';
import { and, gt, isNull, sql } from 'drizzle-orm';
import { invitations } from '@/db/schema';

/**
 * An invitation or reset link that can still be used: neither accepted nor revoked, and not yet expired by the
 * database's clock. Column references only (no parameters), so one instance serves every query.
 */
export const invitationPending = and(
  isNull(invitations.acceptedAt),
  isNull(invitations.revokedAt),
  gt(invitations.expiresAt, sql`now()`),
);
