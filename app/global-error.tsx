'use client';

import { ErrorNotice } from './_components/error-notice';
import './globals.css';
import './theme.css';

/**
 * When the root layout itself fails, this replaces it: its own <html> and <body>. Nothing of the page reached the
 * browser, so re-rendering it (the boundary's reset) would show this again: trying again loads the whole page anew.
 */
export default function GlobalError({ error }: { error: unknown }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Mend</title>
      </head>
      <body className="min-h-screen font-sans">
        <main>
          <ErrorNotice error={error} retry={() => window.location.reload()} />
        </main>
      </body>
    </html>
  );
}
