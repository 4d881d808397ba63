import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../connection';
import { auditEvents, invitations } from '../schema';
import type { DemoData } from './demo';
import { ownerScoped } from './factories';

const DAY_MS = 86_400_000;

/**
 * Admin history for Northside: one open and one expired staff invitation (their tokens are thrown
 * away, as a real one would be after emailing), and the audit rows those invitations left, so the
 * Invitations and Audit screens are not empty on first start.
 */
export async function seedAdmin(handle: DatabaseHandle, demo: DemoData): Promise<void> {
  const db = await handle.owner();
  const practice = demo.northside;
  const now = Date.now();
  const rows = [
    { email: 'jules@northside.example', sentDaysAgo: 2 },
    { email: 'casey.locum@northside.example', sentDaysAgo: 12 },
  ].map(({ email, sentDaysAgo }) => {
    const createdAt = new Date(now - sentDaysAgo * DAY_MS);
    return {
      practiceId: practice.id,
      id: randomUUID(),
      email,
      role: 'therapist' as const,
      tokenHash: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex'),
      invitedByMembershipId: practice.admin.membershipId,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 7 * DAY_MS),
    };
  });
  await ownerScoped(db, practice.id, async (tx) => {
    await tx.insert(invitations).values(rows);
    await tx.insert(auditEvents).values(
      rows.map((r) => ({
        practiceId: practice.id,
        at: r.createdAt,
        actorUserId: practice.admin.userId,
        actorRole: 'admin',
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: r.id,
        meta: { role: 'therapist', emailed: false },
      })),
    );
  });
}
