import { describe, expect, it } from 'vitest';
import { formToObject } from '@/lib/access/form-data';
import { NATIVE_POST_FIELD } from '@/lib/access/native-post';
import { buildCustomTemplate, customTemplateInput, schemaFor, templateFields } from '@/lib/exercises';
import { answersFromForm, drawnName } from '@/lib/exercises/form-answers';
import { thoughtRecordV1 } from '@/lib/exercises/templates/thought-record';
import { SLUG_PATTERN } from '@/lib/exercises/text';
import { measureSubmissionInput } from '@/lib/measures/input';
import { submitExerciseInput } from '@/lib/submissions/input';

/** A completion form as the browser posts it natively: every control under its answer path, as text. */
function posted(fields: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return formToObject(data);
}

const OCCURRENCE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('an exercise posted natively', () => {
  const sent = posted([
    ['occurrenceId', OCCURRENCE],
    ['templateVersion', '1'],
    ['situation_what', 'The bus left.'],
    ['situation_who', ''],
    ['emotions.0.name', 'hurt'],
    // A 0–100 scale drawn unset: the slider rests at 0 and the box was typed in.
    [drawnName('emotions.0.intensity'), ''],
    ['emotions.0.intensity', '0'],
    ['emotions.0.intensity', '70'],
    ['automatic_thoughts.0.text', 'I always miss out.'],
    ['automatic_thoughts.0.hot', 'true'],
    ['automatic_thoughts.1.text', 'Nobody waits.'],
    ['automatic_thoughts.1.hot', 'false'],
    ['distortions[]', 'all_or_nothing'],
    ['evidence_for', 'I missed it.'],
    ['evidence_against', 'It was one bus.'],
    ['balanced_thought', 'Buses run late too.'],
    // Drawn at 50 and the slider moved to 60; the box still says 50.
    [drawnName('balanced_belief'), '50'],
    ['balanced_belief', '60'],
    ['balanced_belief', '50'],
    ['emotions_rerated.0.name', 'hurt'],
    [drawnName('emotions_rerated.0.intensity'), ''],
    ['emotions_rerated.0.intensity', '0'],
    ['emotions_rerated.0.intensity', ''],
    ['action', ''],
  ]);

  it('reads each control by the template into the answers a script would send', () => {
    const input = submitExerciseInput.parse(sent);
    expect(input.answers).toBeUndefined();
    const answers = answersFromForm(thoughtRecordV1, input.sent ?? {});
    expect(answers).toEqual({
      situation_what: 'The bus left.',
      emotions: [{ name: 'hurt', intensity: 70 }],
      automatic_thoughts: [
        { text: 'I always miss out.', hot: true },
        { text: 'Nobody waits.', hot: false },
      ],
      distortions: ['all_or_nothing'],
      evidence_for: 'I missed it.',
      evidence_against: 'It was one bus.',
      balanced_thought: 'Buses run late too.',
      balanced_belief: 60,
      // Neither the slider nor the box was moved: no rating, not a rating of 0.
      emotions_rerated: [{ name: 'hurt' }],
    });
    const checked = schemaFor(thoughtRecordV1).safeParse(answers);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join('.'))).toEqual(['emotions_rerated.0.intensity']);
  });

  it('keeps answers sent by script as they are', () => {
    const input = submitExerciseInput.parse({
      occurrenceId: OCCURRENCE,
      templateVersion: 1,
      answers: { situation_what: 'x' },
    });
    expect(input.answers).toEqual({ situation_what: 'x' });
    expect(input.sent).toBeUndefined();
  });
});

describe('a native post whose questions are named like the form’s own keys', () => {
  // Every key a script's payload or the form's hidden context carries that a question's id (a slug of its label)
  // could also be: such a question is still read as the question it is.
  const payloads = [submitExerciseInput, measureSubmissionInput].flatMap((input) =>
    Object.keys(input.def.out.def.shape),
  );
  const reserved = [...new Set(payloads)].filter((key) => SLUG_PATTERN.test(key));
  const built = customTemplateInput.parse({
    title: 'Looking back',
    fields: reserved.map((key) => ({ type: 'short_text', label: key, required: true })),
  });
  const template = buildCustomTemplate(built, { key: 'custom_1', version: 1 });

  it('is read by the template, each question its own answer', () => {
    expect(reserved).toEqual(expect.arrayContaining(['answers', 'sent', 'measure']));
    expect(templateFields(template).map((f) => f.id)).toEqual(reserved);
    const fields: [string, string][] = [
      [NATIVE_POST_FIELD, '1'],
      ['occurrenceId', OCCURRENCE],
      ['templateVersion', '1'],
      ...reserved.map((key): [string, string] => [key, `My ${key}`]),
    ];
    const input = submitExerciseInput.parse(posted(fields));
    expect(input.answers).toBeUndefined();
    const answers = answersFromForm(template, input.sent ?? {});
    expect(answers).toEqual(Object.fromEntries(reserved.map((key) => [key, `My ${key}`])));
    expect(schemaFor(template).safeParse(answers).success).toBe(true);
  });

  it('keeps the JSON text of answers sent by a form of the script’s as the answers', () => {
    const input = submitExerciseInput.parse(
      posted([
        ['occurrenceId', OCCURRENCE],
        ['templateVersion', '1'],
        ['answers', JSON.stringify({ answers: 'x' })],
      ]),
    );
    expect(input.answers).toEqual({ answers: 'x' });
  });
});
