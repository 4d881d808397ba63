import { describe, expect, it } from 'vitest';
import { DEMO_SAFETY_PLAN, demoThoughtRecord } from '../../../db/seed/demo-submissions';
import { fieldErrors, safetyPlanV1, schemaFor, thoughtRecordV1 } from '../../../lib/exercises';

// Demo history is shown in the same views as real work, so it must pass the same validation.
describe('demo homework answers', () => {
  it.each([0, 1, 2, 3])('thought record of week %i is a valid submission, original and revised', (week) => {
    for (const revised of [false, true]) {
      const result = schemaFor(thoughtRecordV1).safeParse(demoThoughtRecord(week, revised));
      expect(fieldErrors(result)).toEqual({});
    }
  });

  it('the safety plan is a valid submission', () => {
    expect(fieldErrors(schemaFor(safetyPlanV1).safeParse(DEMO_SAFETY_PLAN))).toEqual({});
  });
});
