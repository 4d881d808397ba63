import { assert, describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATE_KEYS,
  builtInTemplates,
  draftSchemaFor,
  fieldErrors,
  FORM_ERROR_KEY,
  getLatestTemplate,
  getTemplate,
  latestBuiltInTemplates,
  resolveFieldPath,
  resolveTemplateVersion,
  schemaFor,
  templateFields,
  type ExerciseTemplate,
} from '@/lib/exercises';
import { probes, validAnswers } from './fixtures';

function template(key: string): ExerciseTemplate {
  const t = getLatestTemplate(key);
  if (!t) throw new Error(`missing template ${key}`);
  return t;
}

/** The first top-level text field of a template, to probe text handling generically. */
function firstTextField(t: ExerciseTemplate): string {
  const f = templateFields(t).find((x) => x.type === 'long_text' || x.type === 'short_text');
  if (!f) throw new Error('no text field');
  return f.id;
}

describe('built-in templates', () => {
  it('ships exactly the eight exercises of docs/clinical.md §4.2', () => {
    expect([...BUILT_IN_TEMPLATE_KEYS].sort()).toEqual(
      [
        'boundaries',
        'journaling_prompt',
        'recovery_toolkit',
        'safe_place',
        'safety_plan',
        'self_compassion_break',
        'support_network',
        'thought_record',
      ].sort(),
    );
    expect(latestBuiltInTemplates()).toHaveLength(8);
  });

  describe.each(BUILT_IN_TEMPLATE_KEYS)('%s', (key) => {
    const t = template(key);
    const full = schemaFor(t);
    const draft = draftSchemaFor(t);
    const valid = validAnswers[key];
    const probe = probes[key];

    it('is well formed: unique ids, rules and alerts point at real fields', () => {
      expect(t.key).toBe(key);
      expect(t.origin).toBe('built_in');
      expect(t.instructions.length).toBeGreaterThan(100);
      const ids = templateFields(t).map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(t.sections.map((s) => s.id)).size).toBe(t.sections.length);
      for (const f of templateFields(t)) {
        expect(f.id).toMatch(/^[a-z][a-z0-9_]*$/);
        if (f.type === 'repeating_group') {
          const sub = f.fields.map((s) => s.id);
          expect(new Set(sub).size).toBe(sub.length);
        }
        if (f.type === 'single_choice' || f.type === 'multiple_choice') {
          expect(new Set(f.options.map((o) => o.value)).size).toBe(f.options.length);
        }
      }
      for (const rule of t.rules ?? []) {
        const refs = rule.kind === 'required_when' ? [rule.field, rule.when.field] : [rule.group];
        for (const r of refs) expect(ids).toContain(r);
      }
      for (const alert of t.alerts ?? []) expect(ids).toContain(alert.field);
    });

    it('accepts a valid full answer', () => {
      const r = full.safeParse(valid);
      expect(fieldErrors(r)).toEqual({});
      expect(r.success).toBe(true);
    });

    it('refuses a missing required field, at that field', () => {
      const { [probe.required]: _omit, ...rest } = valid;
      const r = full.safeParse(rest);
      expect(r.success).toBe(false);
      expect(Object.keys(fieldErrors(r))).toContain(probe.required);
    });

    it('refuses an out-of-range value, at that field', () => {
      const r = full.safeParse({ ...valid, ...probe.outOfRange.patch });
      expect(r.success).toBe(false);
      expect(Object.keys(fieldErrors(r))).toContain(probe.outOfRange.path);
    });

    it('refuses an unknown key', () => {
      const r = full.safeParse({ ...valid, sneaky: 'x' });
      expect(r.success).toBe(false);
      expect(fieldErrors(r)).toEqual({ sneaky: ['This field is not part of the exercise.'] });
      expect(draft.safeParse({ sneaky: 'x' }).success).toBe(false);
    });

    it('refuses oversize text, in full and draft', () => {
      const patched = { ...valid, ...probe.oversize.patch };
      expect(Object.keys(fieldErrors(full.safeParse(patched)))).toContain(probe.oversize.path);
      expect(Object.keys(fieldErrors(draft.safeParse(probe.oversize.patch)))).toContain(probe.oversize.path);
    });

    it('keeps HTML as plain text, trims, normalises CRLF and refuses control characters', () => {
      // The support map has no top-level text, so probe a text field inside its first person row.
      const nested = key === 'support_network';
      const id = nested ? 'people' : firstTextField(t);
      const people = validAnswers.support_network['people'] as Record<string, unknown>[];
      const put = (text: string): Record<string, unknown> =>
        nested ? { people: [{ ...people[0], next_step: text }] } : { [id]: text };
      const read = (data: Record<string, unknown>): unknown =>
        nested ? (data['people'] as Record<string, unknown>[])[0]?.['next_step'] : data[id];

      const html = '<script>alert("x")</script> & <b>bold</b>';
      const r = full.safeParse({ ...valid, ...put(`  ${html}\r\n `) });
      expect(r.success).toBe(true);
      assert(r.success);
      expect(read(r.data)).toBe(html);
      expect(draft.safeParse(put('bell\u0007')).success).toBe(false);
      expect(draft.safeParse(put('nul\u0000')).success).toBe(false);
      expect(draft.safeParse(put('bad \ud800 surrogate')).success).toBe(false);
      expect(draft.safeParse(put('c1 \u0085')).success).toBe(false);
      const ok = draft.safeParse(put('line one\r\nline\ttwo'));
      expect(ok.success && read(ok.data)).toBe('line one\nline\ttwo');
    });

    it('draft accepts nothing at all and any part, but still enforces types and ranges', () => {
      expect(draft.safeParse({}).success).toBe(true);
      const { [probe.required]: _omit, ...partial } = valid;
      expect(draft.safeParse(partial).success).toBe(true);
      const bad = draft.safeParse(probe.outOfRange.patch);
      // An empty list is fine in a draft; for everything else the range still holds.
      expect(Object.keys(fieldErrors(bad))).toEqual(key === 'safety_plan' ? [] : expect.arrayContaining([probe.outOfRange.path]));
      expect(draft.safeParse({ [probe.required]: 12345 }).success).toBe(false);
    });

    it('refuses a non-object', () => {
      const r = full.safeParse(['not', 'answers']);
      expect(r.success).toBe(false);
      expect(Object.keys(fieldErrors(r))).toEqual([FORM_ERROR_KEY]);
    });
  });
});

describe('required messages', () => {
  it('reads plainly', () => {
    const t = template('boundaries');
    const errors = fieldErrors(schemaFor(t).safeParse({}));
    expect(errors['i_statement']).toEqual(['This field is required.']);
    expect(errors['expected_guilt']).toEqual(['This field is required.']);
    const blank = fieldErrors(schemaFor(t).safeParse({ ...validAnswers.boundaries, need: '   ' }));
    expect(blank['need']).toEqual(['This field is required.']);
  });

  it('names the range for scales', () => {
    const t = template('self_compassion_break');
    const errors = fieldErrors(schemaFor(t).safeParse({ ...validAnswers.self_compassion_break, distress_after: 3.5 }));
    expect(errors['distress_after']).toEqual(['Choose a whole number from 0 to 10.']);
  });

  it('checks the step of a 0–100 scale', () => {
    const t = template('thought_record');
    const r = schemaFor(t).safeParse({ ...validAnswers.thought_record, balanced_belief: 72 });
    expect(fieldErrors(r)['balanced_belief']).toEqual(['Choose a whole number from 0 to 100 in steps of 5.']);
  });

  it('refuses a string where a number belongs (no silent coercion)', () => {
    const t = template('safe_place');
    expect(schemaFor(t).safeParse({ ...validAnswers.safe_place, minutes: '12' }).success).toBe(false);
  });
});

describe('registry and versions', () => {
  it('finds the exact version', () => {
    expect(getTemplate('thought_record', 1)?.title).toBe('Thought record');
    expect(getTemplate('thought_record', 2)).toBeUndefined();
    expect(getTemplate('toString', 1)).toBeUndefined();
    expect(builtInTemplates.safety_plan.latestVersion).toBe(1);
  });

  it('resolveTemplateVersion never throws and says what went wrong', () => {
    const ok = resolveTemplateVersion('safe_place', 1);
    expect(ok.ok && ok.template.key).toBe('safe_place');
    expect(ok.ok && ok.isLatest).toBe(true);

    const badVersion = resolveTemplateVersion('safe_place', 7);
    expect(badVersion).toMatchObject({ ok: false, error: 'unknown_version', latestVersion: 1 });

    expect(resolveTemplateVersion('nope', 1)).toMatchObject({ ok: false, error: 'unknown_template' });
    expect(resolveTemplateVersion('__proto__', 1)).toMatchObject({ ok: false, error: 'unknown_template' });
    expect(resolveTemplateVersion('safe_place', 1.5)).toMatchObject({ ok: false, error: 'unknown_version' });
    expect(resolveTemplateVersion('safe_place', Number.NaN)).toMatchObject({ ok: false, error: 'unknown_version' });
  });

  it('resolves comment anchors to fields', () => {
    const t = template('thought_record');
    expect(resolveFieldPath(t, 'evidence_against')).toMatchObject({ kind: 'field' });
    expect(resolveFieldPath(t, 'emotions.1.intensity')).toMatchObject({ kind: 'sub_field', index: 1 });
    expect(resolveFieldPath(t, 'emotions.1')).toMatchObject({ kind: 'item', index: 1 });
    expect(resolveFieldPath(t, 'emotions.01')).toBeUndefined();
    expect(resolveFieldPath(t, 'emotions.99')).toBeUndefined();
    expect(resolveFieldPath(t, 'evidence_against.0')).toBeUndefined();
    expect(resolveFieldPath(t, 'nope')).toBeUndefined();
  });
});
