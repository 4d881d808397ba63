'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';

type Result = { ok: boolean; formError?: string | null; fieldErrors?: Record<string, string[]> } | null | undefined;

/** The control a field error belongs to: the input named so, or an element with the field's id. */
function fieldElement(name: string): HTMLElement | null {
  const named = document.getElementsByName(name)[0] ?? document.getElementsByName(`${name}[]`)[0];
  return (
    (named as HTMLElement | undefined) ?? document.getElementById(`field-${name}`) ?? document.getElementById(name)
  );
}

/** The words a person sees for a field: its label, or the legend of its group. */
function fieldLabel(name: string): string | null {
  const element = fieldElement(name);
  if (!element) return null;
  const legend = element.closest('fieldset')?.querySelector('legend');
  // A radio or checkbox is one choice of a group: the group's legend names the question.
  const choice = element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');
  const label = (choice ? legend : null) ?? (element as HTMLInputElement).labels?.[0] ?? legend;
  const text = label?.textContent
    ?.replace(/\(optional\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

function focusField(name: string) {
  const element = fieldElement(name);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

/**
 * After a refused submit, focus moves here, at the top of the form: what went wrong, and a link to each field that
 * needs an answer, by its label (on a phone the field may be a screen away). The messages stay beside the fields.
 */
const unchanging = () => () => {};

export function ErrorSummary({
  state,
  testId = 'form-error',
  listFields = true,
  fieldErrors: shown,
}: {
  state: Result;
  /** The field errors still shown beside their fields, when a form clears one as its answer changes. */
  fieldErrors?: Record<string, string[]>;
  testId?: string;
  /** Off where the form shows one question at a time and moves to the first refused one itself. */
  listFields?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // The fields' labels are read from the page, so not while it is drawn on the server or hydrated (a form posted
  // natively comes back refused): the list is added once hydrated, never as a mismatch with the server's.
  const readable = useSyncExternalStore(unchanging, () => true, () => false);
  const failed = state && !state.ok ? state : null;
  const fieldErrors = shown ?? failed?.fieldErrors ?? {};
  const names = failed && listFields ? Object.keys(fieldErrors).filter((n) => fieldErrors[n]?.length) : [];

  useEffect(() => {
    if (!failed) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
    // Runs once per result: each refused submit is a new object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  if (!failed || (!failed.formError && !names.length)) return null;
  // Fields the page cannot name (no labelled control) are left to the highlight beside them.
  const labelled = names
    .map((name) => ({ name, label: readable ? fieldLabel(name) : null }))
    .filter((entry): entry is { name: string; label: string } => Boolean(entry.label));
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-red-700"
    >
      <p data-testid={testId} className="font-medium">
        {failed.formError ??
          (labelled.length === 0
            ? 'Please check the highlighted answers.'
            : labelled.length === 1
              ? 'One answer needs a look:'
              : `${labelled.length} answers need a look:`)}
      </p>
      {labelled.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {labelled.map(({ name, label }) => (
            <li key={name}>
              <a
                href={`#field-${name}`}
                className="underline"
                onClick={(event) => {
                  event.preventDefault();
                  focusField(name);
                }}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
