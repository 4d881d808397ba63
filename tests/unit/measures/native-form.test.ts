import { describe, expect, it } from 'vitest';
import { formToObject } from '@/lib/access/form-data';
import { checkAnswers, measureSubmissionInput } from '@/lib/measures/input';

const KEY = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

describe('a measure posted natively', () => {
  it('takes each question radio, sent under the question id, as its answer', () => {
    const data = new FormData();
    data.append('measure', 'who5');
    data.append('submissionKey', KEY);
    data.append('q1', '3');
    data.append('q2', '0');
    const input = measureSubmissionInput.parse(formToObject(data));
    expect(input).toEqual({ measure: 'who5', submissionKey: KEY, answers: { q1: '3', q2: '0' } });
    expect(checkAnswers(input.measure, input.answers)).toEqual({ ok: true, answers: { q1: 3, q2: 0 } });
  });

  it('refuses a field that is no question of the measure, by its name', () => {
    const data = new FormData();
    data.append('measure', 'who5');
    data.append('submissionKey', KEY);
    data.append('clientId', 'someone-else');
    const input = measureSubmissionInput.parse(formToObject(data));
    const checked = checkAnswers(input.measure, input.answers);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? null : Object.keys(checked.fieldErrors)).toEqual(['clientId']);
  });

  it('reads a form sent by script as before', () => {
    const input = measureSubmissionInput.parse({ measure: 'who5', submissionKey: KEY, answers: { q1: 2 } });
    expect(input).toEqual({ measure: 'who5', submissionKey: KEY, answers: { q1: 2 } });
  });
});
