import type { Metadata } from 'next';
import { LinkProblem } from '@/app/(auth)/link-problem';
import { LINK_UNUSABLE, lookupLink } from '@/lib/invitations/service';
import { ResetForm } from './reset-form';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await lookupLink(token);
  if (link.state === 'invalid' || link.kind !== 'reset') return <LinkProblem title="This link cannot be used" message={LINK_UNUSABLE.invalid} />;
  if (link.state !== 'pending') {
    const titles = { accepted: 'This reset link was already used', revoked: 'This reset link was replaced or withdrawn', expired: 'This reset link has expired' } as const;
    return <LinkProblem title={titles[link.state]} message={LINK_UNUSABLE[link.state]} />;
  }
  return (
    <Card>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        For {link.email} at {link.practiceName}. Your other sessions end once it is saved.
      </p>
      <ResetForm token={token} email={link.email} />
    </Card>
  );
}
