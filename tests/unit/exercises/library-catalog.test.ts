import { describe, expect, it } from 'vitest';
import {
  buildCustomTemplate,
  customTemplateInput,
  latestBuiltInTemplates,
  type CustomTemplateInput,
} from '@/lib/exercises';
import { parseStoredDefinition, toBuilderInput } from '@/lib/exercises/builder-input';
import { entryFromTemplate, filterLibrary, isExerciseTheme } from '@/lib/exercises/catalog';

const input: CustomTemplateInput = {
  title: 'Weekly values check',
  summary: 'How closely did the week follow what matters?',
  themes: ['journaling', 'self_compassion'],
  fields: [
    { type: 'short_text', label: 'One word for the week', required: true, maxLength: 30 },
    { type: 'section', heading: 'Details', intro: 'Optional.' },
    { type: 'scale_0_100', label: 'Confidence', step: 10, minLabel: 'None', maxLabel: 'Full' },
    { type: 'single_choice', label: 'Sleep', options: ['Good', 'Okay', 'Poor'], required: true },
    { type: 'multiple_choice', label: 'Values lived', options: ['Kindness', { label: 'Rest', value: 'rest_time' }], maxSelected: 2 },
    { type: 'yes_no', label: 'Went outside?' },
    {
      type: 'repeating_group',
      label: 'Moments',
      itemLabel: 'Moment',
      maxItems: 3,
      fields: [
        { type: 'long_text', label: 'What happened', required: true },
        { type: 'scale_0_10', label: 'How good' },
      ],
    },
  ],
};

describe('builder input round trip', () => {
  it('a stored definition turns back into builder input that parses to the very same description', () => {
    const stored = customTemplateInput.parse(input);
    const again = customTemplateInput.parse(toBuilderInput(stored));
    expect(again).toEqual(stored);
    expect(parseStoredDefinition(JSON.parse(JSON.stringify(stored)))).toEqual({ ok: true, definition: stored });
  });

  it('keeps field ids and option values when a label is edited, so past answers still line up', () => {
    const stored = customTemplateInput.parse(input);
    const edited = toBuilderInput(stored);
    const first = edited.fields[0];
    if (!first || first.type === 'section') throw new Error('unexpected');
    first.label = 'A single word for the week';
    const next = buildCustomTemplate(customTemplateInput.parse(edited), { key: 'custom_0000000001', version: 2 });
    expect(next.sections[0]?.fields[0]).toMatchObject({ id: 'one_word_for_the_week', label: 'A single word for the week' });
  });

  it.each([
    ['null', null],
    ['no sections', { title: 'x' }],
    ['sections not a list', { sections: 'nope' }],
    ['a field of an unknown type', { title: 'x', summary: '', instructions: '', themes: ['other'], sections: [{ id: 'main', fields: [{ id: 'a', type: 'hologram', label: 'A', required: false }] }] }],
    ['no questions', { title: 'x', summary: '', instructions: '', themes: ['other'], sections: [] }],
  ])('reports an unreadable stored description (%s) instead of throwing', (_name, stored) => {
    expect(parseStoredDefinition(stored)).toMatchObject({ ok: false });
  });
});

describe('library search and theme filter', () => {
  const builtIns = latestBuiltInTemplates().map((t) => entryFromTemplate(t));

  it('lists all eight built-ins with no filter, and finds the thought record by a word of its title', () => {
    expect(filterLibrary(builtIns, {})).toHaveLength(8);
    expect(filterLibrary(builtIns, { q: 'THOUGHT' }).map((e) => e.key)).toEqual(['thought_record']);
  });

  it('filters by theme, and by theme and words together', () => {
    const journaling = filterLibrary(builtIns, { theme: 'journaling' }).map((e) => e.key);
    expect(journaling).toContain('journaling_prompt');
    expect(journaling).not.toContain('safety_plan');
    expect(filterLibrary(builtIns, { theme: 'safety', q: 'plan' }).map((e) => e.key)).toEqual(['safety_plan']);
    expect(filterLibrary(builtIns, { theme: 'safety', q: 'journal' })).toEqual([]);
  });

  it('ignores an unknown theme rather than hiding everything, and matches theme names and accents loosely', () => {
    expect(isExerciseTheme('astrology')).toBe(false);
    expect(filterLibrary(builtIns, { theme: 'astrology' })).toHaveLength(8);
    expect(filterLibrary(builtIns, { q: 'Boundáries' }).map((e) => e.key)).toContain('boundaries');
  });
});
