import { assert, describe, expect, it } from 'vitest';
import { asRecurrenceRule, defaultSchedule, describeRecurrence } from '@/lib/assignments/describe';
import { describePromptChoice, journalingAnswersFor, promptChoiceSchema } from '@/lib/assignments/prompt-choice';
import { assignHomeworkInput } from '@/lib/assignments/schemas';
import { getTemplate, schemaFor } from '@/lib/exercises';

const id = '5b0c3c1e-8f4a-4c1e-9a51-2d6f0f9c0001';
const base = { clientIds: [id], kind: 'exercise', templateKey: 'thought_record', startDate: '2027-01-10', dueTime: '20:00', recurrence: { kind: 'once' } };

describe('assignHomework input', () => {
  it('accepts the documented contract and normalises it', () => {
    const r = assignHomeworkInput.parse({ ...base, clientIds: [id.toUpperCase(), id], templateVersion: '1', instructions: '  Try it\r\nafter work.  ' });
    expect(r).toMatchObject({ clientIds: [id], templateVersion: 1, instructions: 'Try it\nafter work.', promptChoice: null });
  });

  it('takes a single client id from a one-client form as a list', () => {
    expect(assignHomeworkInput.parse({ ...base, clientIds: id }).clientIds).toEqual([id]);
  });

  it.each([
    [{ clientIds: [] }, 'clientIds'],
    [{ clientIds: Array.from({ length: 201 }, (_, i) => `5b0c3c1e-8f4a-4c1e-9a51-${String(i).padStart(12, '0')}`) }, 'clientIds'],
    [{ clientIds: ['not-a-uuid'] }, 'clientIds.0'],
    [{ kind: 'homework' }, 'kind'],
    [{ templateKey: '' }, 'templateKey'],
    [{ templateVersion: 0 }, 'templateVersion'],
    [{ instructions: 'x'.repeat(2001) }, 'instructions'],
    [{ instructions: 'bell\u0007' }, 'instructions'],
    [{ promptChoice: 'bank_17' }, 'promptChoice'],
    [{ dueTime: '8pm' }, 'dueTime'],
    [{ startDate: '2027-13-01' }, 'startDate'],
    [{ recurrence: { kind: 'fortnightly' } }, 'recurrence.kind'],
    [{ recurrence: { kind: 'every_n_days', n: 0, end: { count: 3 } } }, 'recurrence.n'],
    [{ recurrence: { kind: 'daily', end: { until: '2026-12-01' } } }, 'recurrence.end'],
    [{ recurrence: { kind: 'daily', end: { until: '2028-06-01' } } }, 'recurrence.end'],
  ])('%j is refused at %s', (patch, path) => {
    const r = assignHomeworkInput.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    assert(!r.success);
    expect(r.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('prompt choice', () => {
  it('a bank id or the therapist’s own words; blank lets the client choose', () => {
    expect(promptChoiceSchema.parse('bank_16')).toBe('bank_16');
    expect(promptChoiceSchema.parse('  What felt safe today?  ')).toBe('What felt safe today?');
    expect(promptChoiceSchema.parse('')).toBeNull();
    expect(promptChoiceSchema.safeParse('x'.repeat(501)).success).toBe(false);
  });

  it('pre-fills answers the journaling form accepts', () => {
    const template = getTemplate('journaling_prompt', 1)!;
    for (const stored of ['bank_02', 'What felt safe today?']) {
      const answers = { ...journalingAnswersFor(stored), entry: 'Some words.' };
      expect(schemaFor(template).safeParse(answers).success).toBe(true);
    }
    expect(describePromptChoice('bank_03')).toMatchObject({ kind: 'bank', text: 'What would I say to a friend who went through exactly this?' });
    expect(journalingAnswersFor(null)).toEqual({});
  });
});

describe('schedule helpers', () => {
  it.each([
    [{ kind: 'once' }, 'Once'],
    [{ kind: 'daily', end: { count: 1 } }, 'Daily, once'],
    [{ kind: 'weekly', end: { count: 4 } }, 'Weekly, 4 times'],
    [{ kind: 'every_n_days', n: 3, end: { until: '2027-03-12' } }, 'Every 3 days until Mar 12, 2027'],
  ] as const)('describes %j as %j', (rule, text) => {
    expect(describeRecurrence(rule)).toBe(text);
  });

  it('reads stored rules defensively', () => {
    expect(asRecurrenceRule({ kind: 'weekly', end: { count: 2 } })).toEqual({ kind: 'weekly', end: { count: 2 } });
    expect(asRecurrenceRule({ kind: 'weekly' })).toBeNull();
    expect(asRecurrenceRule('daily')).toBeNull();
  });

  it('defaults to today at 20:00 local, or tomorrow once 20:00 is under half an hour away', () => {
    // 18:00 in New York on 10 Jan 2027 (UTC−5).
    expect(defaultSchedule('America/New_York', new Date('2027-01-10T23:00:00Z'))).toEqual({ startDate: '2027-01-10', dueTime: '20:00' });
    // 19:45 local: too close.
    expect(defaultSchedule('America/New_York', new Date('2027-01-11T00:45:00Z'))).toEqual({ startDate: '2027-01-11', dueTime: '20:00' });
  });
});
