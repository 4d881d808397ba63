import type { Metadata } from 'next';
import { LinkProblem } from '@/app/(auth)/link-problem';
import { readUnsubscribeToken } from '@/lib/reminders/unsubscribe';
import { UnsubscribeButton } from './unsubscribe-button';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Stop reminders', referrer: 'no-referrer' };

/** Reached from a reminder email without signing in: the signed token says which client and channel. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = readUnsubscribeToken(token);
  if (!target) {
    return <LinkProblem title="This link cannot be used" message="This unsubscribe link is not valid. You can turn reminders off in the portal under Reminders." />;
  }
  const channel = target.channel === 'email' ? 'email reminders' : 'notifications on your devices';
  return (
    <Card>
      <h1 className="text-xl font-semibold">Stop {channel}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">One click and they stop at once. You can turn them back on in the portal under Reminders.</p>
      <UnsubscribeButton token={token} label={`Stop ${channel}`} />
    </Card>
  );
}
