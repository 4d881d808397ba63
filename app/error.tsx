'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">Nothing you entered was lost on our side. Please try again.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
