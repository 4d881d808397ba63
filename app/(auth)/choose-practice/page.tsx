import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PracticeChoice } from '@/app/_components/practice-choice';
import { getSession } from '@/lib/auth/actor';
import { listOwnPractices } from '@/lib/auth/practices';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Choose a practice' };

/** After signing in, a person who belongs to several practices picks the one to work in. */
export default async function ChoosePracticePage() {
  const session = await getSession();
  if (!session) redirect('/login');
  const practices = await listOwnPractices(session.userId);
  return (
    <Card>
      <h1 className="text-xl font-semibold">Choose a practice</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        You belong to more than one practice. Each keeps its own records; you can switch later from Account.
      </p>
      {practices.length ? (
        <PracticeChoice practices={practices.map((p) => ({ ...p, current: p.membershipId === session.actor?.membershipId }))} />
      ) : (
        <p className="text-sm text-slate-700">No practice is open to you any more. Ask your practice to reactivate your account.</p>
      )}
    </Card>
  );
}
