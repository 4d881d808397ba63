import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusWhenReady } from '../../../app/_components/design/focus-when-ready';

/**
 * The unit project runs without a DOM: stand-ins for the document and MutationObserver let the test make "the page
 * changed" happen when it chooses, and fake timers make the wait's end exact.
 */
class FakeObserver {
  static live = new Set<FakeObserver>();
  observed: { root: unknown; options: MutationObserverInit } | null = null;
  constructor(private readonly callback: () => void) {}
  observe(root: unknown, options: MutationObserverInit) {
    this.observed = { root, options };
    FakeObserver.live.add(this);
  }
  disconnect() {
    FakeObserver.live.delete(this);
  }
  static change() {
    for (const observer of [...FakeObserver.live]) observer.callback();
  }
}

const body = { name: 'body' };

beforeEach(() => {
  FakeObserver.live.clear();
  vi.stubGlobal('MutationObserver', FakeObserver);
  vi.stubGlobal('document', { body });
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('focusWhenReady', () => {
  it('is done at once when the first try succeeds, and watches nothing', () => {
    const attempt = vi.fn(() => true);
    focusWhenReady(attempt, 1_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(FakeObserver.live.size).toBe(0);
  });

  it('tries again after each change in the page until a try succeeds, then stops watching', () => {
    let shown = false;
    const attempt = vi.fn(() => shown);
    focusWhenReady(attempt, 1_000);
    const [observer] = [...FakeObserver.live];
    // The whole page: the element that holds the new content may itself be replaced.
    expect(observer?.observed).toEqual({ root: body, options: { childList: true, subtree: true } });

    FakeObserver.change();
    expect(attempt).toHaveBeenCalledTimes(2);
    shown = true;
    FakeObserver.change();
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(FakeObserver.live.size).toBe(0);
    FakeObserver.change();
    vi.advanceTimersByTime(1_000);
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('gives up when the wait is over: a later change is not answered', () => {
    const attempt = vi.fn(() => false);
    focusWhenReady(attempt, 1_000);
    vi.advanceTimersByTime(999);
    FakeObserver.change();
    expect(attempt).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(FakeObserver.live.size).toBe(0);
    FakeObserver.change();
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('waits for each caller on its own', () => {
    let first = false;
    const a = vi.fn(() => first);
    const b = vi.fn(() => false);
    focusWhenReady(a, 1_000);
    focusWhenReady(b, 5_000);
    first = true;
    FakeObserver.change();
    expect(FakeObserver.live.size).toBe(1);
    vi.advanceTimersByTime(1_000);
    FakeObserver.change();
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(4_000);
    expect(FakeObserver.live.size).toBe(0);
  });
});
