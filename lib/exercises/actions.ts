'use server';

import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { exerciseTemplates } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import type { Actor } from '@/lib/auth/types';
import type { Tx } from '@/db/client';
import { customTemplateInput } from './custom';
import { CUSTOM_KEY_PATTERN, customKeyStates, mayManageCustom } from './library';

const keyInput = z.string().regex(CUSTOM_KEY_PATTERN, { message: 'Choose one of your practice’s own exercises.' });

/** A checkbox sends "on"; a JSON payload sends a boolean. */
const flag = z.union([z.boolean(), z.enum(['on', 'true', 'false', '']).transform((v) => v === 'on' || v === 'true')]).default(false);

/** The custom exercise behind `key`, if the actor may change it; otherwise the same refusal as a missing one. */
async function manageableState(tx: Tx, actor: Actor, key: string) {
  const state = (await customKeyStates(tx, actor.practiceId, [key])).get(key);
  if (!state || state.archived) throw new NotFoundRefusal();
  // An unshared exercise is invisible to everyone but its author, admins included.
  if (!state.sharedWithPractice && state.ownerMembershipId !== actor.membershipId) throw new NotFoundRefusal();
  if (!mayManageCustom(actor, state)) {
    throw new ActionRefusal('Only the exercise’s author or a practice admin can change it.');
  }
  return state;
}

/**
 * Input: `{ definition: CustomTemplateInput, share?: boolean }` (the builder posts it as `__json`).
 * Field errors come back under `definition.…` paths, e.g. `definition.fields.1.options`.
 */
export const createCustomExercise = defineAction({
  name: 'exercise.create',
  permission: 'exercise.author',
  input: z.object({ definition: customTemplateInput, share: flag }),
  run: async ({ actor, input, tx, audit }) => {
    const key = `custom_${randomBytes(5).toString('hex')}`;
    const id = randomUUID();
    await tx.insert(exerciseTemplates).values({
      practiceId: actor.practiceId,
      id,
      key,
      version: 1,
      title: input.definition.title,
      definition: input.definition as unknown as Record<string, unknown>,
      sharedWithPractice: input.share,
      createdByMembershipId: actor.membershipId,
    });
    audit({ entityType: 'exercise_template', entityId: id, meta: { key, version: 1, shared: input.share } });
    return { key, version: 1 };
  },
  redirectTo: (data) => `/library/${data.key}`,
});

/**
 * Input: `{ key, definition: CustomTemplateInput }`. Inserts the next version; earlier versions stay as
 * they were, so submissions made with them keep validating and rendering against their own description.
 */
export const updateCustomExercise = defineAction({
  name: 'exercise.update',
  permission: 'exercise.author',
  input: z.object({ key: keyInput, definition: customTemplateInput }),
  run: async ({ actor, input, tx, audit }) => {
    const state = await manageableState(tx, actor, input.key);
    const version = state.latestVersion + 1;
    const id = randomUUID();
    await tx.insert(exerciseTemplates).values({
      practiceId: actor.practiceId,
      id,
      key: input.key,
      version,
      title: input.definition.title,
      definition: input.definition as unknown as Record<string, unknown>,
      sharedWithPractice: state.sharedWithPractice,
      createdByMembershipId: actor.membershipId,
    });
    audit({ entityType: 'exercise_template', entityId: id, meta: { key: input.key, version } });
    return { key: input.key, version };
  },
  redirectTo: (data) => `/library/${data.key}`,
});

/** Input: `{ key, shared }`. Sharing applies to every version of the exercise. */
export const shareCustomExercise = defineAction({
  name: 'exercise.share',
  refresh: true,
  permission: 'exercise.author',
  input: z.object({ key: keyInput, shared: flag }),
  run: async ({ actor, input, tx, audit }) => {
    await manageableState(tx, actor, input.key);
    await tx
      .update(exerciseTemplates)
      .set({ sharedWithPractice: input.shared })
      .where(and(eq(exerciseTemplates.practiceId, actor.practiceId), eq(exerciseTemplates.key, input.key)));
    audit({ entityType: 'exercise_template', meta: { key: input.key, shared: input.shared } });
    return { key: input.key, shared: input.shared };
  },
  successMessage: 'Sharing updated.',
});

/**
 * Input: `{ key }`. Archived exercises leave the library and cannot be assigned again; homework already
 * assigned from them, and its submissions, keep resolving their exact version.
 */
export const archiveCustomExercise = defineAction({
  name: 'exercise.archive',
  permission: 'exercise.author',
  input: z.object({ key: keyInput }),
  run: async ({ actor, input, tx, audit }) => {
    await manageableState(tx, actor, input.key);
    await tx
      .update(exerciseTemplates)
      .set({ archived: true })
      .where(and(eq(exerciseTemplates.practiceId, actor.practiceId), eq(exerciseTemplates.key, input.key)));
    audit({ entityType: 'exercise_template', meta: { key: input.key } });
    return { key: input.key };
  },
  redirectTo: () => '/library',
});
