import { describe, expect, it } from 'vitest';

import { answersSchema } from '@/lib/measures';

import { answersOf } from './helpers';

describe('answersSchema', () => {
  it('accepts a full PHQ-9 with the difficulty question', () => {
    const r = answersSchema('phq9').safeParse({ ...answersOf([0, 1, 2, 3, 0, 1, 2, 3, 0]), difficulty: 2 });
    expect(r.success).toBe(true);
  });

  it('accepts gaps by default (an unscorable form is saved as incomplete, not refused)', () => {
    expect(answersSchema('phq9').safeParse({ q1: 2 }).success).toBe(true);
    expect(answersSchema('phq9').safeParse({ q1: 2, q2: null }).success).toBe(true);
  });

  it('requires every scored item with requireAll, but never the difficulty question', () => {
    const schema = answersSchema('gad7', { requireAll: true });
    expect(schema.safeParse(answersOf([0, 0, 0, 0, 0, 0, 0])).success).toBe(true);
    const r = schema.safeParse(answersOf([0, 0, 0, 0, 0, 0]));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['q7']);
    expect(answersSchema('phq9', { requireAll: true }).safeParse(answersOf([0, 0, 0, 0, 0, 0, 0, 0, 0])).success).toBe(
      true,
    );
  });

  it.each([
    ['phq9', 'q9', 4],
    ['phq9', 'q1', -1],
    ['phq9', 'q1', 1.5],
    ['phq9', 'q1', '2'],
    ['phq9', 'difficulty', 4],
    ['who5', 'q1', 6],
    ['arsq', 'q1a', 0],
    ['arsq', 'q1b', 7],
    ['scssf', 'q12', 0],
    ['scssf', 'q12', 6],
  ] as const)('%s refuses %s = %s with a field-level error', (key, id, value) => {
    const r = answersSchema(key).safeParse({ [id]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([id]);
  });

  it.each([
    ['arsq', 'q1a', 1],
    ['arsq', 'q9b', 6],
    ['who5', 'q5', 0],
    ['scssf', 'q1', 5],
  ] as const)('%s accepts edge %s = %s', (key, id, value) => {
    expect(answersSchema(key).safeParse({ [id]: value }).success).toBe(true);
  });

  it('refuses unknown keys', () => {
    const r = answersSchema('gad7').safeParse({ q1: 1, q8: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});
