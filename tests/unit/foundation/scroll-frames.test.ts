import { describe, expect, it } from 'vitest';
import { classStringOffenders } from './class-strings';

/**
 * A frame that scrolls its own content (overflow-auto, overflow-x-auto, at any breakpoint) is positioned
 * (`relative`). Text for screen readers (sr-only) is absolutely positioned: inside a frame that is not, its
 * containing block is outside the frame, so a visually hidden word at the far end of a scrolled tab bar widened the
 * whole page (a client record with an open alert scrolled 116 px sideways at 360 px).
 */

function unpositionedScroller(classes: string): boolean {
  const tokens = classes.split(/\s+/);
  const scrolls = tokens.some((t) => /^(?:[a-z0-9]+:)*overflow-(?:x-)?(?:auto|scroll)$/.test(t));
  return scrolls && !tokens.some((t) => /^(?:[a-z0-9]+:)*(?:relative|absolute|fixed|sticky)$/.test(t));
}

describe('scrolling frames', () => {
  it('the rule catches a scrolling frame that is not positioned', () => {
    expect(unpositionedScroller('-mb-px mt-2 flex gap-1 overflow-x-auto')).toBe(true);
    expect(unpositionedScroller('rounded-xl md:overflow-x-auto md:border')).toBe(true);
    expect(unpositionedScroller('mt-2 max-h-96 overflow-auto rounded-lg')).toBe(true);
    expect(unpositionedScroller('relative flex gap-1 overflow-x-auto')).toBe(false);
    expect(unpositionedScroller('fixed inset-0 overflow-y-auto')).toBe(false);
    expect(unpositionedScroller('overflow-hidden rounded-xl')).toBe(false);
  });

  it('every frame that scrolls its own content is positioned, so hidden text inside cannot widen the page', () => {
    const offenders = classStringOffenders(unpositionedScroller);
    expect(offenders).toEqual([]);
  });
});
