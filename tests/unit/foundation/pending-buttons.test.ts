import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A button is never `disabled` while its own action runs: the button that was just pressed has the focus, and a
 * focused button that becomes disabled drops focus to the page (the person's place is lost; a screen reader
 * starts again from the top). The design system's Button takes `pending` instead: aria-disabled, and a press
 * while pending does nothing, so a double-click still submits once.
 */

const ROOT = process.cwd();

function tsxUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsxUnder(path);
    return entry.name.endsWith('.tsx') ? [relative(ROOT, join(ROOT, path)).split(sep).join('/')] : [];
  });
}

/** `disabled={…}` whose value reads as "while it runs". */
const DISABLED_WHILE_RUNNING = /(?<![-\w])disabled=\{[^}]*\b(?:pending|isPending|submitting|sending|saving|working|busy)\b[^}]*\}/;

describe('buttons while their action runs', () => {
  it('the rule catches the pattern it is for, and not a button disabled for another reason', () => {
    expect(DISABLED_WHILE_RUNNING.test('<Button type="submit" disabled={pending}>')).toBe(true);
    expect(DISABLED_WHILE_RUNNING.test('<button disabled={submitting || !ready}>')).toBe(true);
    expect(DISABLED_WHILE_RUNNING.test('<button disabled={i === 0}>')).toBe(false);
    expect(DISABLED_WHILE_RUNNING.test('<Button pending={pending}>')).toBe(false);
    expect(DISABLED_WHILE_RUNNING.test('aria-disabled={pending || undefined}')).toBe(false);
  });

  it('no component disables a button while its action runs (use the Button’s `pending`)', () => {
    const offenders = tsxUnder('app').flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (DISABLED_WHILE_RUNNING.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
