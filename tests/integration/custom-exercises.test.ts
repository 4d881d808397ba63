import { and, eq, inArray } from 'drizzle-orm';
import { assert, describe, expect, it } from 'vitest';
import { assignments, exerciseTemplates } from '../../db/schema';
import { assignHomework } from '../../lib/assignments/actions';
import { assignableItems } from '../../lib/assignments/queries';
import {
  archiveCustomExercise,
  createCustomExercise,
  shareCustomExercise,
  updateCustomExercise,
} from '../../lib/exercises/actions';
import { getLibraryTemplate, listLibrary } from '../../lib/exercises/library';
import { schemaFor } from '../../lib/exercises';
import { actAs, actorOf, makePractice, type TestPractice } from '../support/factories';
import { assignmentCount, once } from '../support/assignments';
import { asOwner } from '../support/clinical';

describe('custom exercises', () => {
  const definition = {
    title: 'Evening check on the day',
    summary: 'Two questions before bed.',
    themes: ['journaling'],
    fields: [
      { type: 'short_text', label: 'One word for today', required: true },
      { type: 'scale_0_10', label: 'How kind was I to myself?' },
    ],
  };

  async function create(p: TestPractice, share = false) {
    actAs(p.therapist, p.id);
    await expect(createCustomExercise(null, { definition, share })).rejects.toThrow(/NEXT_REDIRECT/);
    const rows = await asOwner(p.id, (tx) => tx.select().from(exerciseTemplates).where(eq(exerciseTemplates.practiceId, p.id)));
    return rows[0]!.key;
  }

  it('editing makes version 2; version 1 still resolves for past work; a missing version is reported, not crashed', async () => {
    const p = await makePractice();
    const key = await create(p);
    expect(key).toMatch(/^custom_[0-9a-f]{10}$/);
    const assigned = await assignHomework(null, once({ clientIds: [p.clientA1.clientId], templateKey: key }));
    expect(assigned).toMatchObject({ ok: true });

    await expect(
      updateCustomExercise(null, {
        key,
        definition: { ...definition, title: 'Evening check, longer', fields: [...definition.fields, { type: 'yes_no', label: 'Went outside?' }] },
      }),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    const t = await actorOf(p.therapist, p.id);
    const latest = await getLibraryTemplate(t, key);
    const v1 = await getLibraryTemplate(t, key, 1);
    expect(latest).toMatchObject({ ok: true, isLatest: true, latestVersion: 2, template: { version: 2, title: 'Evening check, longer' } });
    expect(v1).toMatchObject({ ok: true, isLatest: false, template: { version: 1, title: 'Evening check on the day' } });
    if (!v1.ok) return;
    expect(schemaFor(v1.template).safeParse({ one_word_for_today: 'calm', how_kind_was_i_to_myself: 6 }).success).toBe(true);
    expect(await getLibraryTemplate(t, key, 7)).toMatchObject({ ok: false, error: 'unknown_version', latestVersion: 2 });
    const [a] = await asOwner(p.id, (tx) => tx.select().from(assignments).where(eq(assignments.practiceId, p.id)));
    expect(a!.templateVersion).toBe(1);

    // A corrupted stored description is reported, not thrown.
    await asOwner(p.id, (tx) =>
      tx.update(exerciseTemplates).set({ definition: { sections: 'nope' } }).where(and(eq(exerciseTemplates.key, key), eq(exerciseTemplates.version, 1))),
    );
    expect(await getLibraryTemplate(t, key, 1)).toMatchObject({ ok: false, error: 'invalid_definition' });
  });

  it('is private to its author until shared; only the author or an admin may change it; archived leaves the library', async () => {
    const p = await makePractice();
    const key = await create(p);
    const colleague = await actorOf(p.otherTherapist, p.id);
    expect((await listLibrary(colleague)).some((e) => e.key === key)).toBe(false);
    expect(await getLibraryTemplate(colleague, key)).toMatchObject({ ok: false, error: 'unknown_template' });

    actAs(p.therapist, p.id);
    expect(await shareCustomExercise(null, { key, shared: true })).toMatchObject({ ok: true });
    expect((await listLibrary(colleague, { q: 'evening', theme: 'journaling' })).map((e) => e.key)).toContain(key);
    expect((await listLibrary(colleague, { theme: 'boundaries' })).some((e) => e.key === key)).toBe(false);
    const assignable = await assignableItems(colleague);
    expect(assignable).toEqual(expect.arrayContaining([
      { kind: 'exercise', key, title: 'Evening check on the day' },
      { kind: 'exercise', key: 'thought_record', title: 'Thought record' },
      expect.objectContaining({ kind: 'measure', key: 'phq9' }),
    ]));

    actAs(p.otherTherapist, p.id);
    expect(await updateCustomExercise(null, { key, definition })).toMatchObject({ ok: false, formError: expect.stringMatching(/author/) });
    expect(await archiveCustomExercise(null, { key })).toMatchObject({ ok: false });
    actAs(p.admin, p.id);
    await expect(archiveCustomExercise(null, { key })).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await listLibrary(await actorOf(p.therapist, p.id))).some((e) => e.key === key)).toBe(false);
    actAs(p.therapist, p.id);
    expect(await assignHomework(null, once({ clientIds: [p.clientA1.clientId], templateKey: key }))).toMatchObject({
      ok: false,
      fieldErrors: { templateKey: [expect.stringMatching(/archived/)] },
    });
  });

  it('refuses another practice’s exercise key, and invalid builder input beside its field', async () => {
    const p = await makePractice();
    const other = await makePractice('Other');
    const theirs = await create(other, true);
    actAs(p.therapist, p.id);
    const result = await assignHomework(null, once({ clientIds: [p.clientA1.clientId], templateKey: theirs }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { templateKey: [expect.any(String)] } });
    expect(await shareCustomExercise(null, { key: theirs, shared: false })).toMatchObject({ ok: false });
    expect(await getLibraryTemplate(await actorOf(p.therapist, p.id), theirs)).toMatchObject({ ok: false });
    expect(await assignmentCount(p.id)).toBe(0);

    const bad = await createCustomExercise(null, { definition: { ...definition, title: '', fields: [] } });
    expect(bad.ok).toBe(false);
    assert(!bad.ok);
    expect(Object.keys(bad.fieldErrors)).toEqual(expect.arrayContaining(['definition.title', 'definition.fields']));
    const [{ n }] = [{ n: (await asOwner(p.id, (tx) => tx.select().from(exerciseTemplates).where(inArray(exerciseTemplates.practiceId, [p.id])))).length }];
    expect(n).toBe(0);
  });
});
