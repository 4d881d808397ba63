import { describe, expect, it } from 'vitest';
import { diffSubmissions, supportNetworkV1, thoughtRecordV1 } from '@/lib/exercises';
import { validAnswers } from './fixtures';

const before = validAnswers.thought_record;

describe('diffSubmissions', () => {
  it('finds nothing between identical answers', () => {
    expect(diffSubmissions(thoughtRecordV1, before, structuredClone(before))).toEqual([]);
  });

  it('reports changed, added and removed top-level fields in form order', () => {
    const { action: _a, ...withoutAction } = before;
    const after = {
      ...withoutAction,
      evidence_against: 'She rescheduled straight away.',
      distortions: ['overgeneralizing', 'mind_reading'],
      situation_who: '',
    };
    const changes = diffSubmissions(thoughtRecordV1, before, { ...after, situation_where: 'At home' });
    expect(changes).toEqual([
      { kind: 'removed', path: 'situation_who', fieldId: 'situation_who', label: 'Who was involved?', before: 'S.' },
      {
        kind: 'changed',
        path: 'evidence_against',
        fieldId: 'evidence_against',
        label: 'Facts that do not fit the hot thought',
        before: 'She said her child was ill and suggested another date.',
        after: 'She rescheduled straight away.',
      },
      { kind: 'removed', path: 'action', fieldId: 'action', label: 'Anything you will do differently? (optional)', before: 'Reply and agree the new date.' },
    ]);
  });

  it('compares repeating groups row by row and reports added and removed rows', () => {
    const after = {
      ...before,
      emotions: [
        { name: 'Hurt', intensity: 70 },
        { name: 'Lonely', intensity: 60 },
        { name: 'Ashamed', intensity: 30 },
      ],
      automatic_thoughts: [{ text: 'She does not really want to see me.', hot: true }],
    };
    const changes = diffSubmissions(thoughtRecordV1, before, after);
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['changed', 'emotions.0.intensity'],
      ['added', 'emotions.2'],
      ['removed', 'automatic_thoughts.1'],
    ]);
    expect(changes[0]).toMatchObject({ fieldId: 'emotions', before: 80, after: 70 });
    expect(changes[0]?.label).toBe('What did you feel, and how strongly? › Emotion 1 › How strong (0–100 %)');
    expect(changes[1]?.after).toEqual({ name: 'Ashamed', intensity: 30 });
  });

  it('treats a first version as everything added and ignores keys outside the template', () => {
    const changes = diffSubmissions(supportNetworkV1, null, { ...validAnswers.support_network, junk: 1 });
    expect(changes.map((c) => c.path)).toEqual(['people.0', 'people.1', 'professionals.0', 'crisis_lines.0']);
    expect(changes.every((c) => c.kind === 'added')).toBe(true);
  });

  it('notices a sub-field change inside a row', () => {
    const people = validAnswers.support_network['people'] as Record<string, unknown>[];
    const after = { ...validAnswers.support_network, people: [{ ...people[0], circle: 'middle' }, people[1]] };
    expect(diffSubmissions(supportNetworkV1, validAnswers.support_network, after)).toMatchObject([
      { kind: 'changed', path: 'people.0.circle', before: 'inner', after: 'middle' },
    ]);
  });
});
