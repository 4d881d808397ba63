import type { Role } from '@/lib/auth/types';
import { can, type Permission } from './permissions';

type Entry = { href: string; label: string; permission: Permission };

/** Navigation entries appear only for capabilities the role holds (the same map the server enforces). */
const CLINIC_NAV: Entry[] = [
  { href: '/caseload', label: 'Caseload', permission: 'caseload.view' },
  { href: '/alerts', label: 'Alerts', permission: 'alert.view' },
  { href: '/library', label: 'Library', permission: 'library.view' },
  { href: '/submissions', label: 'Submissions', permission: 'submission.review' },
  { href: '/admin', label: 'Overview', permission: 'practice.overview' },
  { href: '/admin/people', label: 'People', permission: 'people.view' },
  { href: '/admin/clients', label: 'Clients', permission: 'client.manage' },
  { href: '/admin/invitations', label: 'Invitations', permission: 'invitation.manage' },
  { href: '/admin/settings', label: 'Settings', permission: 'practice.settings' },
  { href: '/admin/audit', label: 'Audit', permission: 'audit.view' },
  { href: '/account', label: 'Account', permission: 'account.changePassword' },
];

// Six destinations fit side by side on a 360-px phone; reminders are a setting, reached from Account.
const PORTAL_NAV: Entry[] = [
  { href: '/portal', label: 'Home', permission: 'account.changePassword' },
  { href: '/portal/check-in', label: 'Check-in', permission: 'checkin.submit' },
  { href: '/portal/homework', label: 'Homework', permission: 'submission.write' },
  { href: '/portal/history', label: 'History', permission: 'submission.write' },
  { href: '/portal/progress', label: 'My progress', permission: 'progress.viewOwn' },
  { href: '/portal/account', label: 'Account', permission: 'account.changePassword' },
];

export function clinicNav(role: Role) {
  return CLINIC_NAV.filter((e) => can(role, e.permission)).map(({ href, label }) => ({ href, label }));
}

export function portalNav(role: Role) {
  return PORTAL_NAV.filter((e) => can(role, e.permission)).map(({ href, label }) => ({ href, label }));
}
