import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSession } from '@/lib/auth/actor';
import { demoLoginsIfSeeded } from '@/lib/practice/demo';
import { deploymentHasPractice } from '@/lib/practice/signup';
import { LoginForm } from './login-form';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const { saved } = await searchParams;
  if (await getSession()) redirect('/');
  // A fresh deployment has nobody to sign in: its first visitor starts the first practice.
  if (!(await deploymentHasPractice())) redirect('/signup');
  const demo = await demoLoginsIfSeeded();
  return (
    <>
      <Card>
        <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
        {saved === '1' ? (
          <p role="status" className="mb-4 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">
            Your password is saved. Please sign in with it.
          </p>
        ) : null}
        <LoginForm />
        <p className="mt-4 text-sm text-slate-600">Forgot your password? Your practice admin can send you a reset link.</p>
      </Card>
      <p className="mt-4 text-center text-sm text-slate-700">
        Starting a new practice?{' '}
        <Link href="/signup" className="font-medium text-brand-800 underline">
          Create its account
        </Link>
      </p>
      {demo ? (
        <section aria-labelledby="demo-heading" className="mt-6 rounded-2xl border border-brand-200 bg-brand-50 p-5 text-sm">
          <h2 id="demo-heading" className="font-semibold text-brand-900">Demo logins</h2>
          <p className="mt-1 text-brand-900">
            Password for all: <code className="rounded bg-white px-1">{demo.password}</code>
          </p>
          <ul className="mt-3 space-y-1">
            {demo.logins.map((login) => (
              <li key={login.email} className="flex flex-wrap justify-between gap-2">
                <span className="font-medium capitalize">{login.role}</span>
                <code className="text-brand-900">{login.email}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
