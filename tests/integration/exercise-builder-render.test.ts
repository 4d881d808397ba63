import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExerciseBuilder } from '../../app/(clinic)/library/builder';

const existing = {
  key: 'custom_0123456789',
  input: {
    title: 'Evening check',
    summary: 'Two questions before bed.',
    instructions: '',
    themes: ['journaling'],
    fields: [
      { type: 'short_text', label: 'One word for today', required: true },
      { type: 'repeating_group', label: 'People I spoke to', itemLabel: 'Person', maxItems: 5, fields: [{ type: 'short_text', label: 'Name' }] },
    ],
  },
} as unknown as Parameters<typeof ExerciseBuilder>[0]['existing'];

describe('the exercise builder renders the same markup every time', () => {
  it('gives its questions the same ids on each render, so the browser hydrates what the server drew', () => {
    const render = () => renderToString(createElement(ExerciseBuilder, { existing }));
    const first = render();
    // Render something else in between: a module-level counter would move on.
    renderToString(createElement(ExerciseBuilder, {}));
    const again = render();
    expect(again).toBe(first);
    // Each question's label points at its own input.
    const ids = [...first.matchAll(/<label for="([^"]+)"[^>]*>Question 1</g)].map((m) => m[1]);
    expect(ids).toHaveLength(1);
    expect(first).toContain(`id="${ids[0]}"`);
  });
});
