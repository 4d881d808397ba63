'use client';

import { ErrorNotice } from './_components/error-notice';
import './globals.css';
import './theme.css';

/** When the root layout itself fails, this replaces it: its own <html> and <body>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main>
          <ErrorNotice error={error} reset={reset} />
        </main>
      </body>
    </html>
  );
}
