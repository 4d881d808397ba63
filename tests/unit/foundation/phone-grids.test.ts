import { describe, expect, it } from 'vitest';
import { classStringOffenders } from './class-strings';

/**
 * A grid that gains its columns at a breakpoint (sm:grid-cols-2, lg:grid-cols-[…]) says what it is below it:
 * grid-cols-1, one column of minmax(0, 1fr). Left unsaid, the phone's one column is `auto` and grows to its widest
 * item's natural width: a select listing long emails made the invitations page scroll sideways at 360 px.
 */

function unsaidPhoneColumns(classes: string): boolean {
  const tokens = classes.split(/\s+/);
  return (
    tokens.includes('grid') &&
    tokens.some((t) => /^(?:sm|md|lg|xl|2xl):grid-cols-/.test(t)) &&
    !tokens.some((t) => t.startsWith('grid-cols-'))
  );
}

describe('responsive grids', () => {
  it('the rule catches a grid with columns only from a breakpoint up', () => {
    expect(unsaidPhoneColumns('grid gap-6 lg:grid-cols-2')).toBe(true);
    expect(unsaidPhoneColumns('grid grid-cols-1 gap-6 lg:grid-cols-2')).toBe(false);
    expect(unsaidPhoneColumns('grid grid-cols-2 gap-x-6 sm:grid-cols-4')).toBe(false);
    expect(unsaidPhoneColumns('inline-grid sm:grid-cols-2')).toBe(false);
  });

  it('every grid that gains columns at a breakpoint is one shrinkable column below it', () => {
    const offenders = classStringOffenders(unsaidPhoneColumns);
    expect(offenders).toEqual([]);
  });
});
