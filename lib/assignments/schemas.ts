import { z } from 'zod';
import { isWellFormedText, normalizeNewlines } from '@/lib/exercises/text';
import { withinCharacters } from '@/lib/text/characters';
import { promptChoiceSchema } from './prompt-choice';
import { SET_ASIDE_REASON_MAX } from './standing';
import { assignmentScheduleSchema, dueTimeSchema, recurrenceEndSchema, recurrenceRuleSchema } from './recurrence';

export const MAX_CLIENTS_PER_ASSIGNMENT = 200;
export const INSTRUCTIONS_MAX = 2000;

const instructions = z
  .string()
  .overwrite(normalizeNewlines)
  .trim()
  .refine(isWellFormedText, { message: 'Remove the unusual control characters from the instructions.' })
  .max(INSTRUCTIONS_MAX, { message: `Keep the instructions to ${INSTRUCTIONS_MAX} characters or fewer.` })
  .optional()
  .transform((v) => (v ? v : null));

/** Form posts send strings; a JSON payload sends a number. Blank means "the latest version". */
const optionalVersion = z.preprocess(
  (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v) : v),
  z.int({ message: 'Choose a version of the exercise.' }).min(1, { message: 'Choose a version of the exercise.' }).optional(),
);

/** A single id from a one-client form arrives as a string; several arrive as a list. */
const clientIdList = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : v),
  z
    .array(z.uuid({ message: 'Choose clients from your caseload.' }), { error: 'Choose at least one client.' })
    .min(1, { message: 'Choose at least one client.' })
    .max(MAX_CLIENTS_PER_ASSIGNMENT, { message: `Assign to at most ${MAX_CLIENTS_PER_ASSIGNMENT} clients at once.` })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
);

/**
 * The input contract of `assignHomework` (also used by the roster for bulk assignment):
 *
 *   clientIds        uuid[], 1–200; every one must be on the actor's care team or nothing is written
 *   kind             'exercise' | 'measure'
 *   templateKey      a built-in or practice exercise key, or a measure key (phq9, gad7, who5, arsq, scssf)
 *   templateVersion? exercise version; default the latest (measures have none)
 *   instructions?    plain text, at most 2000 characters
 *   promptChoice?    journaling only: a bank id bank_01…bank_16 or the therapist's own prompt
 *   startDate        'YYYY-MM-DD', the practice's local calendar day of the first occurrence
 *   dueTime          'HH:MM', local wall-clock time in the practice's time zone
 *   recurrence       recurrenceRuleSchema: { kind: 'once' } | { kind: 'daily' | 'weekly', end } |
 *                    { kind: 'every_n_days', n, end }, end = { until: 'YYYY-MM-DD' } | { count } | { untilStopped: true }
 *
 * The schedule is checked by `assignmentScheduleSchema` (end not before start, at most a year); the zone is
 * the practice's, so it is not part of the input.
 */
export const assignHomeworkInput = z
  .object({
    clientIds: clientIdList,
    kind: z.enum(['exercise', 'measure'], { error: 'Choose an exercise or a measure.' }),
    templateKey: z
      .string({ error: 'Choose what to assign.' })
      .trim()
      .min(1, { message: 'Choose what to assign.' })
      .max(80, { message: 'Choose what to assign.' }),
    templateVersion: optionalVersion,
    instructions,
    promptChoice: promptChoiceSchema,
    startDate: z.unknown(),
    dueTime: z.unknown(),
    recurrence: z.unknown(),
  })
  .transform((input, ctx) => {
    // The zone does not change whether the dates and rule are valid; the practice's is applied when expanding.
    const schedule = assignmentScheduleSchema.safeParse({
      startDate: input.startDate,
      dueTime: input.dueTime,
      recurrence: input.recurrence,
      timeZone: 'UTC',
    });
    if (!schedule.success) {
      for (const issue of schedule.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.length ? issue.path : ['recurrence'] });
      }
      return z.NEVER;
    }
    const { startDate, dueTime, recurrence } = schedule.data;
    return { ...input, startDate, dueTime, recurrence };
  });

export type AssignHomeworkInput = z.input<typeof assignHomeworkInput>;

/**
 * Editing an assignment: new instructions, a new local due time and, for a repeating one, a new end.
 * Only occurrences still ahead and not started are re-timed or added; finished work stays as it was.
 */
export const updateAssignmentInput = z.object({
  assignmentId: z.uuid({ message: 'That assignment was not found.' }),
  instructions,
  dueTime: dueTimeSchema,
  end: recurrenceEndSchema.optional(),
});

export { recurrenceRuleSchema };

/** The client lets one homework item go, saying why if they like (in their own words, for their care team). */
export const setAsideInput = z.object({
  occurrenceId: z.uuid({ message: 'That homework was not found.' }),
  reason: z
    .string()
    .overwrite(normalizeNewlines)
    .trim()
    .refine(isWellFormedText, { message: 'Remove the unusual control characters from the reason.' })
    .refine((v) => withinCharacters(v, SET_ASIDE_REASON_MAX), { message: `Keep it to ${SET_ASIDE_REASON_MAX} characters or fewer.` })
    .optional()
    .transform((v) => (v ? v : null)),
});
