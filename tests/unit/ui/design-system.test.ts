import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bandTone, Button, buttonClass, Skeleton, TextArea, TextInput } from '@/app/_components/design';
import { MEASURES } from '@/lib/measures';

describe('the design system', () => {
  it('every button variant keeps a thumb-sized target and a plain button type unless told', () => {
    for (const variant of ['primary', 'secondary', 'danger', 'quiet'] as const) expect(buttonClass(variant)).toContain('min-h-tap');
    const html = renderToStaticMarkup(h(Button, { variant: 'danger' }, 'Remove'));
    expect(html).toMatch(/^<button type="button"/);
    expect(renderToStaticMarkup(h(Button, { type: 'submit' }, 'Send'))).toContain('type="submit"');
  });

  it('a field names its hint and error for screen readers and marks itself invalid only with an error', () => {
    const calm = renderToStaticMarkup(h(TextInput, { name: 'email', label: 'Email', hint: 'We never share it.' }));
    expect(calm).toContain('<label for="field-email"');
    expect(calm).toContain('aria-describedby="field-email-hint"');
    expect(calm).not.toContain('aria-invalid');
    const refused = renderToStaticMarkup(h(TextArea, { name: 'reason', label: 'Why', optional: true, errors: ['Too long.'] }));
    expect(refused).toContain('aria-describedby="field-reason-error"');
    expect(refused).toContain('aria-invalid="true"');
    expect(refused).toContain('(optional)');
    expect(refused).toContain('Too long.');
  });

  it('gives every band of every measure a tone, the worst bands danger', () => {
    for (const measure of Object.values(MEASURES)) {
      for (const band of measure.bands) expect(['neutral', 'brand', 'warn', 'danger'], `${measure.key}.${band.id}`).toContain(bandTone(band.id));
    }
    expect(bandTone('severe')).toBe('danger');
    expect(bandTone('likely_depression')).toBe('danger');
    expect(bandTone('moderate')).toBe('warn');
    expect(bandTone(undefined)).toBe('neutral');
  });

  it('a skeleton is one spoken label over shapes hidden from screen readers', () => {
    const html = renderToStaticMarkup(h(Skeleton, { label: 'Loading your homework…', lines: 2 }));
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading your homework…');
    expect(html.match(/aria-hidden="true"/g)).toHaveLength(3);
  });
});
