'use client';

import { focusWhenReady } from './focus-when-ready';

/**
 * Keeps a person's place when an action's result re-renders the page under them. The control they pressed is often
 * gone afterwards (an acknowledged alert leaves the inbox, "Pause" becomes "Resume", a reviewed submission's form
 * becomes a line of text), and focus would fall to the document: a keyboard or screen-reader user is sent back to
 * the top. Called when an action has answered, before its result is rendered (so after a confirming dialog has
 * closed and given focus back), this remembers where focus is, watches the re-render and, if focus was lost, puts it
 * on the nearest container of that control that is still there (its list item, list, section or form, else main).
 */
const WATCH_MS = 5_000;
const PLACE = 'li, ul, ol, section, article, form, fieldset, [role="region"], [role="group"], [aria-label], [aria-labelledby], main';

export function keepFocusPlace(): void {
  if (typeof document === 'undefined') return;
  const origin = document.activeElement;
  if (!origin || origin === document.body) return;
  const places: HTMLElement[] = [];
  for (let el = origin.parentElement; el && el !== document.body; el = el.parentElement) {
    if (el.matches(PLACE)) places.push(el);
    if (el.tagName === 'MAIN') break;
  }
  const settle = (): boolean => {
    const active = document.activeElement;
    // Still there: nothing was taken away, and a focus that left it went where the person (or the form's own
    // error summary) put it.
    if (origin.isConnected) return active !== origin;
    if (active && active !== document.body) return true;
    const place = places.find((el) => el.isConnected);
    if (!place) return true;
    if (!place.hasAttribute('tabindex')) place.setAttribute('tabindex', '-1');
    place.focus();
    return true;
  };
  focusWhenReady(settle, WATCH_MS);
}
