'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ActionRefusal } from '@/lib/access/errors';
import { runPublicAction } from '@/lib/practice/public-action';
import { getSession } from './actor';
import { homeFor } from './home';
import { switchSessionPractice } from './practices';

const choosePracticeInput = z.object({ membershipId: z.uuid('Choose a practice.') });

/**
 * Picks the practice this session works in, after sign-in or later from Account. Runs on the session,
 * not an actor: a person who belongs to several practices has none until they choose.
 */
export async function choosePractice(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'session.choosePractice',
      input: choosePracticeInput,
      secretFields: [],
      run: async (input) => {
        const session = await getSession();
        if (!session) throw new ActionRefusal('Please sign in first.');
        const chosen = await switchSessionPractice(session, input.membershipId);
        redirect(homeFor(chosen.role));
      },
    },
    payload,
  );
}
Object.assign(choosePractice, { definition: { name: 'session.choosePractice', permission: null } });
