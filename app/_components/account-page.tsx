import { SESSION_POLICY } from '@/lib/auth/session-policy';
import { accountOverview } from '@/lib/auth/account';
import type { Actor } from '@/lib/auth/types';
import { DATE_TIME, formatInstant } from '@/lib/time/format';
import type { Theme } from '@/lib/ui/theme';
import { ChangePasswordForm } from './change-password-form';
import { PracticeChoice } from './practice-choice';
import { SessionList } from './session-list';
import { ThemePicker } from './theme-picker';
import { Card, PageHeader } from './ui';
import { Toast } from './design/toast';

function formatMoment(value: Date, timeZone: string): string {
  return formatInstant(value, timeZone, DATE_TIME);
}

export async function AccountPage({
  actor,
  theme,
  passwordChanged = false,
  children,
}: {
  actor: Actor;
  theme: Theme;
  passwordChanged?: boolean;
  /** Settings of one side of the app (the portal's reminders), shown first. */
  children?: React.ReactNode;
}) {
  const { sessions, practices } = await accountOverview(actor);
  const idleMinutes = Math.min(actor.practice.idleTimeoutMinutes || SESSION_POLICY.defaultIdleMinutes, SESSION_POLICY.maxIdleMinutes);
  const rows = sessions.map((s) => ({
    id: s.id,
    device: s.device || 'Unknown device',
    started: formatMoment(s.createdAt, actor.practice.timeZone),
    lastSeen: formatMoment(s.lastSeenAt, actor.practice.timeZone),
    current: s.current,
  }));
  return (
    <>
      <PageHeader title="Account" description={`${actor.name} · ${actor.email}`} />
      <Toast message={passwordChanged ? 'Password changed. Your other sessions have been signed out.' : null} />
      <div className="space-y-6">
        {children}
        {practices.length > 1 ? (
          <Card title="Your practices">
            <p className="mb-3 text-sm text-slate-600">You are working in {actor.practice.name}. Switching keeps each practice&rsquo;s records apart.</p>
            <PracticeChoice practices={practices.map((p) => ({ ...p, current: p.membershipId === actor.membershipId }))} />
          </Card>
        ) : null}
        <Card title="Where you are signed in">
          <p className="mb-3 text-sm text-slate-600">
            Sessions end after {idleMinutes} minutes without activity, and after {SESSION_POLICY.absoluteHours} hours in any case.
          </p>
          <SessionList sessions={rows} />
        </Card>
        <Card title="Change password">
          <p className="mb-4 text-sm text-slate-600">Changing your password signs you out everywhere else.</p>
          <ChangePasswordForm about={[actor.name, actor.email]} />
        </Card>
        <Card title="Display">
          <ThemePicker current={theme} />
        </Card>
      </div>
    </>
  );
}
