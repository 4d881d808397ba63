import type { ExerciseTemplate, ScalarField } from './types';

/**
 * The answers of an exercise form posted natively (before its script has run, or without one): each control is
 * named by its answer path ('situation', 'emotions.1.intensity', a multiple choice as 'path[]'), and sends text.
 * Read here into the shape the form sends by script, by the template, so the same schema checks both. Free of
 * zod and of anything server-side: the completion page draws a refused post again from the same reading.
 */

type Sent = Readonly<Record<string, unknown>>;

/** A 0–100 scale has a slider and a number box under one name; this field holds what both were drawn with. */
export const drawnName = (path: string) => `drawn:${path}`;

const texts = (value: unknown): string[] =>
  ([] as unknown[]).concat(value ?? []).filter((v): v is string => typeof v === 'string');

/** A number, or the text itself when it is none, so the schema names the field. */
function number(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function scalar(field: ScalarField, path: string, sent: Sent): unknown {
  const [one, other] = texts(sent[path]);
  switch (field.type) {
    case 'multiple_choice': {
      const chosen = texts(sent[path]);
      return chosen.length ? chosen : undefined;
    }
    case 'scale_0_10':
    case 'number':
      return number(one);
    case 'scale_0_100': {
      // Whichever of the two was changed from what was drawn (the box if both were); the slider rests at 0.
      const drawn = texts(sent[drawnName(path)])[0] ?? '';
      const box = other ?? drawn;
      return number(box !== drawn ? box : one !== (drawn || '0') ? one : drawn);
    }
    case 'yes_no':
      return one === 'true' ? true : one === 'false' ? false : one || undefined;
    default:
      return one || undefined;
  }
}

export function answersFromForm(template: ExerciseTemplate, sent: Sent): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of template.sections.flatMap((s) => s.fields)) {
    if (field.type !== 'repeating_group') {
      const value = scalar(field, field.id, sent);
      if (value !== undefined) answers[field.id] = value;
      continue;
    }
    // The rows drawn on the page, in their order: each sends its text fields even when blank.
    const head = `${field.id}.`;
    const indexes = Object.keys(sent).flatMap((key) =>
      key.startsWith(head) ? [key.slice(head.length).split('.')[0] ?? ''] : [],
    );
    const rows = [...new Set(indexes.filter((i) => /^\d+$/.test(i)).map(Number))].sort((a, b) => a - b);
    if (!rows.length) continue;
    answers[field.id] = rows.map((index) => {
      const row: Record<string, unknown> = {};
      for (const sub of field.fields) {
        const value = scalar(sub, `${field.id}.${index}.${sub.id}`, sent);
        if (value !== undefined) row[sub.id] = value;
      }
      return row;
    });
  }
  return answers;
}
