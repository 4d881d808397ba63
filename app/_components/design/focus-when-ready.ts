'use client';

/**
 * Waits for the page to be ready to take focus: `attempt` runs now and again after every change to the page's
 * elements, until it answers true (it has moved focus, or found that it should not: the person has moved on) or
 * `waitMs` have passed. After an action's re-render, or a retried segment streaming in, the element to focus may
 * not exist yet; the wait is bounded, since a change much later (another action) is not this one's to answer. The
 * whole body is watched: the element that will hold the new content may itself be replaced on the way.
 */
export function focusWhenReady(attempt: () => boolean, waitMs: number): void {
  if (attempt()) return;
  const observer = new MutationObserver(() => {
    if (attempt()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Disconnecting twice is harmless, so the timer is left to run out even when focus was placed before.
  setTimeout(() => observer.disconnect(), waitMs);
}
