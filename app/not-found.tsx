import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">It does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-4 inline-block text-brand-800 underline">Go to your home page</Link>
    </main>
  );
}
