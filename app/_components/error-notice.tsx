'use client';

import { useEffect, useRef } from 'react';
import { Button } from './design/button';

/**
 * What an error boundary shows: that something failed, that nothing typed was lost on our side, and the
 * error's digest as the reference (the same reference instrumentation.ts writes to the log beside the route),
 * so a report can be matched to its log line. The message itself is never shown: it may quote data.
 */
export function ErrorNotice({
  error,
  reset,
  headingLevel = 'h1',
  children,
}: {
  error: Error & { digest?: string };
  reset?: () => void;
  headingLevel?: 'h1' | 'h2';
  children?: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the notice so a screen reader announces what happened in place of the page.
  useEffect(() => heading.current?.focus(), []);
  const Heading = headingLevel;
  return (
    <section data-testid="error-boundary" aria-labelledby="error-notice-heading" className="mx-auto max-w-lg space-y-3 p-6 text-center">
      <Heading id="error-notice-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
        Something went wrong
      </Heading>
      <p className="text-sm text-slate-700">This page could not be shown. Nothing you entered was lost on our side. Please try again.</p>
      {error.digest ? (
        <p className="text-sm text-slate-700">
          If it keeps happening, tell your practice this reference: <span data-testid="error-reference" className="font-mono font-semibold">{error.digest}</span>
        </p>
      ) : null}
      {reset ? (
        <Button onClick={reset}>Try again</Button>
      ) : null}
      {children}
    </section>
  );
}
