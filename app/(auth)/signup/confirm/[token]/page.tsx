import type { Metadata } from 'next';
import { LinkProblem } from '@/app/(auth)/link-problem';
import { lookupPendingSignUp, SIGNUP_LINK_UNUSABLE } from '@/lib/practice/signup';
import { ConfirmSignUpForm } from './confirm-form';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Confirm your practice', referrer: 'no-referrer' };

const TITLES = { invalid: 'This link cannot be used', used: 'This link was already used', expired: 'This link has expired' } as const;

export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = await lookupPendingSignUp(token);
  if (pending.state !== 'pending') return <LinkProblem title={TITLES[pending.state]} message={SIGNUP_LINK_UNUSABLE[pending.state]} />;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Create {pending.practiceName}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">Enter the password you chose at sign-up to confirm. The practice is created and you are signed in as its first admin.</p>
      <ConfirmSignUpForm token={token} email={pending.email} />
    </Card>
  );
}
