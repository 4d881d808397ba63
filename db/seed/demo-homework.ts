import { randomUUID } from 'node:crypto';
import { buildCustomTemplate, customTemplateInput, getTemplate, schemaFor } from '../../lib/exercises';
import { expandOccurrences, type RecurrenceRule } from '../../lib/assignments/recurrence';
import type { DatabaseHandle } from '../connection';
import { assignmentOccurrences, assignments, exerciseTemplates, submissions, submissionVersions } from '../schema';
import type { DemoData } from './demo';
import { ownerScoped } from './factories';
import { addDays, localDay } from '../../lib/time/day';

const DAY_MS = 86_400_000;

// Invented entries, nothing from a real record.
const JOURNAL_ENTRIES = [
  'The facts: she said she was busy. The story my mind added was that I am too much. I can hold the facts and let the story be a story.',
  'It touched the old feeling from school of being picked last. Noticing that helped it shrink a little.',
  'I would tell a friend that one cancelled plan does not undo years of friendship. Trying to say the same to myself.',
  'It does not prove I am unlikeable. It proves I asked, which took courage.',
  'Tight throat in the afternoon. A walk and a cup of tea eased it more than I expected.',
  'My brother checked in twice this week. I had not counted that.',
  'I needed to feel included. I can plan something small for Saturday myself.',
];

/** A deterministic 0–1 sequence, so the demo looks the same on every machine. */
function sequence(seed: number) {
  let x = seed * 9301 + 49297;
  return () => {
    x = (x * 9301 + 49297) % 233280;
    return x / 233280;
  };
}

function check(templateKey: string, answers: Record<string, unknown>): Record<string, unknown> {
  const template = getTemplate(templateKey, 1);
  const result = template && schemaFor(template).safeParse(answers);
  if (!result?.success) throw new Error(`Demo answers for ${templateKey} do not validate.`);
  return answers;
}

function journalAnswers(prompt: string, n: number) {
  return check('journaling_prompt', { prompt, entry: JOURNAL_ENTRIES[n % JOURNAL_ENTRIES.length] });
}

function selfCompassionAnswers(n: number) {
  return check('self_compassion_break', {
    situation: 'A group chat went quiet after my message.',
    distress_before: 7 - (n % 2),
    self_criticism_before: 8 - (n % 3),
    body_location: 'Chest',
    step_noticing: 'This is a moment of hurt.',
    step_common_humanity: 'Anyone would feel awkward after that.',
    step_kindness: 'I can be gentle with myself; I reached out and that matters.',
    soothing_touch: true,
    distress_after: 4,
    self_criticism_after: 4,
  });
}

type Plan = {
  clientIndex: number;
  templateKey: string;
  rule: RecurrenceRule;
  startOffsetDays: number;
  dueTime: string;
  promptChoice?: string;
  instructions: string;
  /** Chance that a past item was submitted; the rest were missed. */
  completion: number;
  answers: (n: number) => Record<string, unknown>;
};

/**
 * A few weeks of homework for Dana's clients beside the thought records seeded with the submissions:
 * daily journaling, a self-compassion break, each client keeping up to a different degree so adherence
 * varies on the roster, plus one custom exercise Dana shares with the practice. Alex Rivera always has
 * something due today.
 */
export async function seedHomework(handle: DatabaseHandle, demo: DemoData): Promise<void> {
  const db = await handle.owner();
  const practice = demo.northside;
  const timeZone = 'America/New_York';
  const dana = practice.therapists[0]!;
  // Dana treats every third client (the demo deals clients to therapists in turn).
  const danas = practice.clients.filter((_, i) => i % practice.therapists.length === 0);
  const now = new Date();
  const today = localDay(now, timeZone);

  const plans: Plan[] = [
    ...[0, 1, 2, 3, 4].map(
      (clientIndex): Plan => ({
        clientIndex,
        templateKey: 'journaling_prompt',
        rule: { kind: 'daily', end: { count: 21 } },
        startOffsetDays: -13,
        dueTime: '20:00',
        promptChoice: `bank_0${(clientIndex % 9) + 1}`,
        instructions: 'A few minutes each evening. Short is fine; honest is what counts.',
        completion: [0.85, 0.6, 0.35, 0.15, 0.7][clientIndex] ?? 0.5,
        answers: (n) => journalAnswers(`bank_0${(clientIndex % 9) + 1}`, n + clientIndex),
      }),
    ),
    {
      clientIndex: 0,
      templateKey: 'self_compassion_break',
      rule: { kind: 'once' },
      startOffsetDays: 0,
      dueTime: '23:30',
      instructions: 'Next time a message goes unanswered, try the three steps before you reply.',
      completion: 1,
      answers: selfCompassionAnswers,
    },
    {
      clientIndex: 2,
      templateKey: 'self_compassion_break',
      rule: { kind: 'every_n_days', n: 3, end: { count: 8 } },
      startOffsetDays: -15,
      dueTime: '19:00',
      instructions: 'Every few days, or whenever the inner critic gets loud.',
      completion: 0.5,
      answers: selfCompassionAnswers,
    },
  ];

  const a: (typeof assignments.$inferInsert)[] = [];
  const o: (typeof assignmentOccurrences.$inferInsert)[] = [];
  const s: (typeof submissions.$inferInsert)[] = [];
  const v: (typeof submissionVersions.$inferInsert)[] = [];

  plans.forEach((plan, p) => {
    const client = danas[plan.clientIndex];
    if (!client) return;
    const random = sequence(p + 1);
    const assignmentId = randomUUID();
    const startDate = addDays(today, plan.startOffsetDays);
    a.push({
      practiceId: practice.id,
      id: assignmentId,
      clientId: client.clientId,
      kind: 'exercise',
      templateKey: plan.templateKey,
      templateVersion: 1,
      instructions: plan.instructions,
      promptChoice: plan.promptChoice ?? null,
      startDate,
      dueTime: plan.dueTime,
      timeZone,
      recurrence: plan.rule as Record<string, unknown>,
      createdByMembershipId: dana.membershipId,
      createdAt: new Date(now.getTime() + plan.startOffsetDays * DAY_MS - DAY_MS),
    });
    for (const occ of expandOccurrences(plan.rule, startDate, plan.dueTime, timeZone)) {
      const occurrenceId = randomUUID();
      const past = occ.dueAt.getTime() <= now.getTime();
      const done = past && random() < plan.completion;
      const reviewed = done && occ.dueAt.getTime() < now.getTime() - 5 * DAY_MS;
      o.push({
        practiceId: practice.id,
        id: occurrenceId,
        assignmentId,
        clientId: client.clientId,
        index: occ.index,
        localDate: occ.localDate,
        dueAt: occ.dueAt,
        status: !past ? 'due' : !done ? 'missed' : reviewed ? 'reviewed' : 'submitted',
      });
      if (!done) continue;
      const submissionId = randomUUID();
      const sentAt = new Date(occ.dueAt.getTime() - 2 * 3_600_000);
      s.push({
        practiceId: practice.id,
        id: submissionId,
        occurrenceId,
        assignmentId,
        clientId: client.clientId,
        templateKey: plan.templateKey,
        templateVersion: 1,
        status: reviewed ? 'reviewed' : 'submitted',
        currentVersion: 1,
        submittedAt: sentAt,
        reviewedAt: reviewed ? new Date(sentAt.getTime() + DAY_MS) : null,
        createdAt: new Date(sentAt.getTime() - 1_800_000),
      });
      v.push({ practiceId: practice.id, submissionId, clientId: client.clientId, version: 1, answers: plan.answers(occ.index), submittedAt: sentAt });
    }
  });

  const custom = customTemplateInput.parse({
    title: 'Evening kindness check',
    summary: 'Two quick questions before bed about how kindly you treated yourself.',
    instructions: 'Answer just before bed. There are no right answers.',
    themes: ['self_compassion'],
    fields: [
      { type: 'short_text', label: 'One word for today', required: true, maxLength: 40 },
      { type: 'scale_0_10', label: 'How kind was I to myself today?', required: true, minLabel: 'Harsh', maxLabel: 'Very kind' },
    ],
  });
  // Stored exactly as the builder stores it; the check keeps the demo honest if the builder changes.
  buildCustomTemplate(custom, { key: 'custom_0de0000001', version: 1 });

  await ownerScoped(db, practice.id, async (tx) => {
    await tx.insert(exerciseTemplates).values({
      practiceId: practice.id,
      key: 'custom_0de0000001',
      version: 1,
      title: custom.title,
      definition: custom as unknown as Record<string, unknown>,
      sharedWithPractice: true,
      createdByMembershipId: dana.membershipId,
    });
    if (a.length) await tx.insert(assignments).values(a);
    if (o.length) await tx.insert(assignmentOccurrences).values(o);
    if (s.length) await tx.insert(submissions).values(s);
    if (v.length) await tx.insert(submissionVersions).values(v);
  });
}
