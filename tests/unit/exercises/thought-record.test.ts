import { describe, expect, it } from 'vitest';
import {
  COGNITIVE_DISTORTIONS,
  draftSchemaFor,
  fieldErrors,
  schemaFor,
  thoughtRecordIntensities,
  thoughtRecordV1,
} from '@/lib/exercises';
import { validAnswers } from './fixtures';

const full = schemaFor(thoughtRecordV1);
const draft = draftSchemaFor(thoughtRecordV1);
const valid = validAnswers.thought_record;

describe('thought record', () => {
  it('offers the twelve cognitive distortions, one line each', () => {
    expect(COGNITIVE_DISTORTIONS.map((d) => d.label)).toEqual([
      'All-or-nothing thinking',
      'Overgeneralizing',
      'Mental filter',
      'Discounting the positive',
      'Mind reading',
      'Fortune telling',
      'Catastrophizing or minimizing',
      'Emotional reasoning',
      '"Should" statements',
      'Labeling',
      'Personalizing',
      'Blaming',
    ]);
    for (const d of COGNITIVE_DISTORTIONS) expect(d.description).not.toContain('\n');
    expect(full.safeParse({ ...valid, distortions: ['crystal_ball'] }).success).toBe(false);
    expect(full.safeParse({ ...valid, distortions: ['labeling', 'labeling'] }).success).toBe(false);
    expect(full.safeParse({ ...valid, distortions: [] }).success).toBe(true);
  });

  describe('exactly one hot thought', () => {
    const thoughts = (hots: (boolean | undefined)[]) =>
      hots.map((hot, i) => (hot === undefined ? { text: `t${i}` } : { text: `t${i}`, hot }));

    it('accepts one', () => {
      expect(full.safeParse({ ...valid, automatic_thoughts: thoughts([false, true, undefined]) }).success).toBe(true);
    });

    it('refuses none, at automatic_thoughts', () => {
      const r = full.safeParse({ ...valid, automatic_thoughts: thoughts([false, undefined]) });
      expect(fieldErrors(r)).toEqual({ automatic_thoughts: ['Mark exactly one thought as the hot thought.'] });
    });

    it('refuses two', () => {
      const r = full.safeParse({ ...valid, automatic_thoughts: thoughts([true, true]) });
      expect(fieldErrors(r)['automatic_thoughts']).toEqual(['Mark exactly one thought as the hot thought.']);
    });

    it('lets a draft have none yet, but never two', () => {
      expect(draft.safeParse({ automatic_thoughts: thoughts([false]) }).success).toBe(true);
      expect(draft.safeParse({ automatic_thoughts: thoughts([true, true]) }).success).toBe(false);
    });

    it('still checks the rule when another field is also wrong', () => {
      const r = full.safeParse({ ...valid, evidence_for: 'x'.repeat(6000), automatic_thoughts: thoughts([true, true]) });
      expect(Object.keys(fieldErrors(r)).sort()).toEqual(['automatic_thoughts', 'evidence_for']);
    });
  });

  describe('re-rating', () => {
    it('must cover the same emotions in the same order', () => {
      const missing = full.safeParse({ ...valid, emotions_rerated: [{ name: 'Hurt', intensity: 40 }] });
      expect(fieldErrors(missing)['emotions_rerated']).toEqual([
        'Re-rate the same feelings, in the same order, as at the start.',
      ]);
      const swapped = full.safeParse({
        ...valid,
        emotions_rerated: [
          { name: 'Lonely', intensity: 35 },
          { name: 'Hurt', intensity: 40 },
        ],
      });
      expect(swapped.success).toBe(false);
      const recased = full.safeParse({
        ...valid,
        emotions_rerated: [
          { name: 'hurt ', intensity: 40 },
          { name: 'LONELY', intensity: 35 },
        ],
      });
      expect(recased.success).toBe(true);
    });

    it('is not enforced on a draft', () => {
      expect(draft.safeParse({ emotions: valid['emotions'], emotions_rerated: [] }).success).toBe(true);
    });

    it('checks intensity ranges on each row', () => {
      const r = full.safeParse({
        ...valid,
        emotions: [
          { name: 'Hurt', intensity: 80 },
          { name: 'Lonely', intensity: 101 },
        ],
      });
      expect(Object.keys(fieldErrors(r))).toContain('emotions.1.intensity');
    });

    it('refuses unknown keys inside a row', () => {
      const r = full.safeParse({ ...valid, emotions: [{ name: 'Hurt', intensity: 80, colour: 'red' }] });
      expect(fieldErrors(r)['emotions.0.colour']).toEqual(['This field is not part of the exercise.']);
    });

    it('requires at least one emotion and caps the list', () => {
      expect(Object.keys(fieldErrors(full.safeParse({ ...valid, emotions: [], emotions_rerated: [] })))).toContain('emotions');
      const many = Array.from({ length: 9 }, (_, i) => ({ name: `e${i}`, intensity: 50 }));
      expect(draft.safeParse({ emotions: many }).success).toBe(false);
    });
  });

  describe('thoughtRecordIntensities', () => {
    it('pairs each emotion with its re-rating', () => {
      expect(thoughtRecordIntensities(valid)).toEqual([
        { emotion: 'Hurt', before: 80, after: 40 },
        { emotion: 'Lonely', before: 60, after: 35 },
      ]);
    });

    it('tolerates partial and malformed answers', () => {
      expect(thoughtRecordIntensities(null)).toEqual([]);
      expect(thoughtRecordIntensities({})).toEqual([]);
      expect(thoughtRecordIntensities({ emotions: 'nope' })).toEqual([]);
      expect(
        thoughtRecordIntensities({
          emotions: [{ name: 'Shame', intensity: 90 }, { name: 'Anger' }, null],
          emotions_rerated: [{ name: 'Shame', intensity: 'high' }],
        }),
      ).toEqual([
        { emotion: 'Shame', before: 90, after: null },
        { emotion: 'Anger', before: null, after: null },
        { emotion: '', before: null, after: null },
      ]);
    });
  });
});
