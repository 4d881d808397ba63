import Link from 'next/link';

/** The page for a link that no longer works: what happened, and what to do next. */
export function LinkProblem({ title, message }: { title: string; message: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-700">{message}</p>
      <Link href="/login" className="mt-4 inline-block rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        Go to sign in
      </Link>
    </div>
  );
}
