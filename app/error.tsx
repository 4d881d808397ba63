'use client';

import { ErrorNotice } from './_components/error-notice';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <ErrorNotice error={error} reset={reset} />
    </main>
  );
}
