'use client';

import { useEffect, useRef } from 'react';
import { Button } from './design/button';
import { focusWhenReady } from './design/focus-when-ready';

/**
 * What an error boundary shows: that something failed, that nothing typed was lost on our side, and the
 * error's digest as the reference (the same reference instrumentation.ts writes to the log beside the route),
 * so a report can be matched to its log line. The message itself is never shown: it may quote data.
 *
 * `retry` is the boundary's own (Next's error.js `retry`): it re-fetches the segment from the server and
 * re-renders it, since most failures here are a server component's failed read, which a bare `reset`
 * (re-rendering what the browser already holds) would only show again.
 */
export function ErrorNotice({
  error,
  retry,
  headingLevel = 'h1',
  children,
}: {
  /** A server component's error arrives as an Error with a digest; a client component's throw may be anything. */
  error: unknown;
  retry?: () => void;
  headingLevel?: 'h1' | 'h2';
  children?: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const retried = useRef(false);
  // Focus moves to the notice so a screen reader announces what happened in place of the page; again when a
  // retry fails anew (a new error), so the person hears that it did.
  useEffect(() => {
    retried.current = false;
    heading.current?.focus();
  }, [error]);
  // When a retry brings the page back, this notice goes and focus would fall to the document: it goes to the
  // page's own heading instead, as if the page had just been opened (once it has streamed in: the segment's
  // loading state may show first).
  useEffect(
    () => () => {
      if (retried.current) focusPageHeadingWhenShown();
    },
    [],
  );
  const digest = (error as { digest?: unknown } | null | undefined)?.digest;
  const Heading = headingLevel;
  return (
    <section data-testid="error-boundary" aria-labelledby="error-notice-heading" className="mx-auto max-w-lg space-y-3 p-6 text-center">
      <Heading id="error-notice-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
        Something went wrong
      </Heading>
      <p className="text-sm text-slate-700">This page could not be shown. Nothing you entered was lost on our side. Please try again.</p>
      {typeof digest === 'string' && digest ? (
        <p className="text-sm text-slate-700">
          If it keeps happening, tell your practice this reference: <span data-testid="error-reference" className="font-mono font-semibold">{digest}</span>
        </p>
      ) : null}
      {retry ? (
        <Button
          onClick={() => {
            retried.current = true;
            retry();
          }}
        >
          Try again
        </Button>
      ) : null}
      {children}
    </section>
  );
}

const HEADING_WAIT_MS = 10_000;

function focusPageHeadingWhenShown() {
  focusWhenReady(() => {
    const active = document.activeElement;
    // The person has moved on (clicked or tabbed elsewhere): leave their focus where it is.
    if (active && active !== document.body) return true;
    // Looked up on each try: the <main> of an error page goes with it, and the page's own may arrive later.
    const pageHeading = document.querySelector<HTMLElement>('main h1');
    if (!pageHeading) return false;
    if (!pageHeading.hasAttribute('tabindex')) pageHeading.setAttribute('tabindex', '-1');
    pageHeading.focus();
    return true;
  }, HEADING_WAIT_MS);
}
