import { MEASURES } from '../../../lib/measures';
import { selfCompassionAnswers } from '../harness/fixtures';
import type { ActionProbe } from '../harness/types';

const today = () => new Date().toISOString().slice(0, 10);
const phq9Answers = () => Object.fromEntries(MEASURES.phq9.items.map((item) => [item.id, item.id === 'difficulty' ? null : 1]));

/**
 * The client's own work (check-ins, measures, homework) comes from the session: both clients may
 * act, each on their own record, so A1's id in the form must change nothing of A1's when A2 sends it.
 * Clinical work on a client (schedules, baselines, alerts, homework, review) is the care team's.
 */
export const clinicalProbes: Record<string, ActionProbe> = {
  'checkin.submit': {
    entitled: ['clientA1', 'clientA2'],
    input: (ctx) => ({ clientId: ctx.a.clientId, mood: '6', distress: '20', window: 'within', note: 'probe note' }),
  },
  'measure.draftSave': {
    entitled: ['clientA1', 'clientA2'],
    input: (ctx) => ({ clientId: ctx.a.clientId, measure: 'phq9', answers: { q1: 1, q2: 2 } }),
  },
  'measure.submit': {
    entitled: ['clientA1'],
    note: "A1's own earlier submission key: A1's retry gets A1's record back; A2 sending it must get nothing of A1's.",
    input: (ctx) => ({ clientId: ctx.a.clientId, measure: 'phq9', submissionKey: ctx.a.submissionKey, answers: phq9Answers() }),
  },
  'measure.markBaseline': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ administrationId: ctx.a.administrationId }),
  },
  'measureSchedule.create': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ clientId: ctx.a.clientId, measure: 'gad7', everyDays: '14', startDate: today() }),
  },
  'measureSchedule.update': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ scheduleId: ctx.a.scheduleId, everyDays: '7', startDate: today() }),
  },
  'measureSchedule.end': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ scheduleId: ctx.a.scheduleId }),
  },
  'measureSchedule.applyDefaults': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ clientId: ctx.a.clientId }),
  },
  'alert.acknowledge': {
    entitled: ['therapistA1'],
    note: 'Admin A is off the care team and the alert is fresh (not escalated), so admin A is refused too.',
    input: (ctx) => ({ alertId: ctx.a.alertId, action: 'contacted_client' }),
  },
  'assignment.create': {
    entitled: ['therapistA1'],
    input: (ctx) => ({
      clientIds: [ctx.a.clientId],
      kind: 'exercise',
      templateKey: 'self_compassion_break',
      startDate: today(),
      dueTime: '20:00',
      recurrence: { kind: 'once' },
    }),
  },
  'assignment.update': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ assignmentId: ctx.a.assignmentId, dueTime: '19:30', instructions: 'Updated by the probe' }),
  },
  'assignment.cancel': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ assignmentId: ctx.a.assignmentId }),
  },
  'assignment.cancelOccurrence': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ occurrenceId: ctx.a.dueOccurrenceId }),
  },
  'submission.saveDraft': {
    entitled: ['clientA1'],
    input: (ctx) => ({ occurrenceId: ctx.a.dueOccurrenceId, templateVersion: '1', answers: JSON.stringify({ situation: 'A draft' }) }),
  },
  'submission.submit': {
    entitled: ['clientA1'],
    input: (ctx) => ({ occurrenceId: ctx.a.dueOccurrenceId, templateVersion: '1', answers: JSON.stringify(selfCompassionAnswers('Sent')) }),
  },
  'homework.setAside': {
    entitled: ['clientA1'],
    input: (ctx) => ({ occurrenceId: ctx.a.dueOccurrenceId, reason: 'A hard week' }),
  },
  'submission.comment': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ submissionId: ctx.a.submissionId, fieldPath: 'situation', body: 'A comment from the probe', visibility: 'client' }),
  },
  'submission.requestRevision': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ submissionId: ctx.a.submissionId, message: 'Please say more.' }),
  },
  'submission.markReviewed': {
    entitled: ['therapistA1'],
    input: (ctx) => ({ submissionId: ctx.a.submissionId }),
  },
};
