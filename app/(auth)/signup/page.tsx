import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { SignUpForm } from './signup-form';
import { timeZoneNames } from '@/lib/time/zone';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Start a practice' };

export default async function SignUpPage() {
  if (await getActor()) redirect('/');
  return (
    <Card>
      <h1 className="text-xl font-semibold">Start a practice on Mend</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">Your practice starts empty and private to it. You can invite your team straight after.</p>
      <SignUpForm timeZones={timeZoneNames()} suggestedZone="America/New_York" />
      <p className="mt-4 text-sm text-slate-600">
        Already have an account? <Link href="/login" className="text-brand-800 underline">Sign in</Link>
      </p>
    </Card>
  );
}
