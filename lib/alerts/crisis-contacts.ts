import 'server-only';
import { eq } from 'drizzle-orm';
import { practices, type PracticeCrisisContact } from '@/db/schema';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';

/** The numbers the actor's practice adds to the crisis panel, beside the national directory. */
export async function practiceCrisisContacts(actor: Actor): Promise<PracticeCrisisContact[]> {
  return withActor(actor, async (tx) => {
    const [row] = await tx.select({ contacts: practices.crisisContacts }).from(practices).where(eq(practices.id, actor.practiceId)).limit(1);
    const contacts = Array.isArray(row?.contacts) ? row.contacts : [];
    // Stored JSON is shown to a person in distress: only well-formed entries reach the panel.
    return contacts.filter((c): c is PracticeCrisisContact => typeof c?.label === 'string' && typeof c?.phone === 'string' && c.phone.trim() !== '');
  });
}
