import { describe, expect, it } from 'vitest';
import { schemaFor, thoughtRecordV1 } from '@/lib/exercises';
import { findField } from '@/lib/exercises/fields';
import { characterCount, groupedCount, labelWithoutOptionalMark, withinCharacters } from '@/lib/text/characters';
import { validAnswers } from '../exercises/fixtures';

describe('counting characters as a person does', () => {
  it('counts an emoji once, not as its two UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(characterCount('😀')).toBe(1);
    expect(characterCount('ok 😀😀')).toBe(5);
    expect(characterCount('')).toBe(0);
    expect(withinCharacters('😀'.repeat(3), 3)).toBe(true);
    expect(withinCharacters('😀'.repeat(4), 3)).toBe(false);
  });

  it('the exercise schema accepts exactly as many emoji as its limit, and refuses one more', () => {
    const schema = schemaFor(thoughtRecordV1);
    const balanced = (text: string) => schema.safeParse({ ...validAnswers.thought_record, balanced_thought: text });
    expect(balanced('🙂'.repeat(2000)).success).toBe(true);
    expect(balanced('🙂'.repeat(2001)).success).toBe(false);
  });
});

describe('optional marks on labels', () => {
  it('drops a trailing "(optional)" so a form that adds its own does not say it twice', () => {
    expect(labelWithoutOptionalMark('Anything else? (optional)')).toBe('Anything else?');
    expect(labelWithoutOptionalMark('Notes (Optional) ')).toBe('Notes');
    expect(labelWithoutOptionalMark('An (optional) extra step')).toBe('An (optional) extra step');
    // Built-in templates are never edited once shipped; this one says it in its label, the form must not repeat it.
    const action = findField(thoughtRecordV1, 'action');
    expect(labelWithoutOptionalMark(action!.label)).toBe('Anything you will do differently?');
  });
});

describe('grouped counts', () => {
  it('groups thousands as en-US does, without the browser locale data', () => {
    for (const n of [0, 7, 999, 1000, 2000, 12345, 999999, 1234567, -2000]) {
      expect(groupedCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
