import type { Metadata } from 'next';
import { LinkProblem } from '@/app/(auth)/link-problem';
import { LINK_UNUSABLE, lookupLink } from '@/lib/invitations/service';
import { AcceptForm } from './accept-form';
import { JoinWithLoginForm } from './join-form';
import { Card } from '@/app/_components/design';

export const metadata: Metadata = { title: 'Accept your invitation', referrer: 'no-referrer' };

const ROLE_WORDS = { admin: 'an admin', therapist: 'a therapist', client: 'a client' } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await lookupLink(token);
  if (link.state === 'invalid' || link.kind !== 'invite') return <LinkProblem title="This link cannot be used" message={LINK_UNUSABLE.invalid} />;
  if (link.state !== 'pending') {
    const titles = { accepted: 'This invitation was already used', revoked: 'This invitation was withdrawn', expired: 'This invitation has expired' } as const;
    return <LinkProblem title={titles[link.state]} message={LINK_UNUSABLE[link.state]} />;
  }
  if (link.existingAccount) {
    return (
      <Card>
        <h1 className="text-xl font-semibold">Join {link.practiceName}</h1>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          You have been invited as {ROLE_WORDS[link.role]}. This email already has a Mend account: sign in with it to join. Your
          practices stay separate, and you choose which one to open after signing in.
        </p>
        <JoinWithLoginForm token={token} email={link.email} practiceName={link.practiceName} />
      </Card>
    );
  }
  return (
    <Card>
      <h1 className="text-xl font-semibold">Join {link.practiceName}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        You have been invited as {ROLE_WORDS[link.role]}. Choose your name and password to finish.
      </p>
      <AcceptForm token={token} email={link.email} />
    </Card>
  );
}
