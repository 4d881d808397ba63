'use client';

import { type RefObject, useLayoutEffect } from 'react';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Early = { field: Field; value: string; checked: boolean };

/** Each early change is handed over once, even where a form with this hook holds another. */
const replayed = new WeakSet<Field>();

/** A field the person changed in the server-rendered page: it no longer holds what the page was drawn with. */
function changedEarly(field: Field): boolean {
  if (field instanceof HTMLSelectElement) return [...field.options].some((o) => o.selected !== o.defaultSelected);
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
    // A radio is changed by choosing another in its group; that one carries the change.
    return field.type === 'radio' ? field.checked && !field.defaultChecked : field.checked !== field.defaultChecked;
  }
  return field.value !== field.defaultValue;
}

/**
 * Hands the field's early value to the form's own change handler, as if typed or tapped now. React only
 * reports a change when the value differs from the one it recorded at hydration (which was already the early
 * one), so the recorded value is first set back to the drawn one, and the early one put in under it.
 */
function replay({ field, value, checked }: Early) {
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
    field.checked = !checked;
    field.click();
    return;
  }
  if (field instanceof HTMLSelectElement) {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  field.value = field.defaultValue;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  setter?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Whether this document was loaded by Back, Forward or a reload. The page is fetched again (it is never cached) and
 * the browser puts its fields back as they were left (an unsaved note, yesterday's check-in on today's form), which
 * nothing tells apart from what was typed now: none of it is adopted then. Forms whose fields feed a draft or a
 * clinical answer also have autocomplete="off", so nothing is put back at all.
 */
function restoredByBrowser(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type === 'back_forward' || entry?.type === 'reload';
}

/**
 * On a slow phone a server-rendered form can be used before React hydrates it. Without this, a controlled
 * field's early value is later drawn over by its initial state (a slider jumps back) or stays on screen while
 * the form's state and autosave never hear of it. On mount this reads every field under `root` that differs
 * from what was drawn, and replays it through the form's own onChange — so the state takes it, a draft is
 * marked unsaved and saved, exactly as for a change made after hydration.
 */
export function useAdoptEarlyInput(root: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    if (restoredByBrowser()) return;
    const fields = root.current?.querySelectorAll<Field>('input, textarea, select');
    // Read now, while the page still shows the early values: the first replayed change re-renders the form,
    // which may draw its initial state over fields not yet replayed.
    const early: Early[] = [...(fields ?? [])]
      .filter((field) => !field.disabled && changedEarly(field))
      .map((field) => ({ field, value: field.value, checked: 'checked' in field ? field.checked : false }));
    if (!early.length) return;
    // After the commit, outside React's own work: each replayed change is then rendered before the next one,
    // so handlers that build on the latest answers see the ones before.
    queueMicrotask(() => {
      for (const entry of early) {
        if (!entry.field.isConnected || replayed.has(entry.field)) continue;
        replayed.add(entry.field);
        replay(entry);
      }
    });
    // Only the fields as the server drew them: later changes reach the handlers by themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
