import type { Role } from '@/lib/auth/types';

/**
 * The one permission map: who may attempt each operation. Object-level rules (is this client on
 * the actor's care team, is this the client's own record) are applied on top, in lib/access/scope.ts.
 * Anything not listed here is refused.
 */
export const PERMISSIONS = {
  'account.changePassword': ['admin', 'therapist', 'client'],
  // Object-level rule on top: only the actor's own sessions.
  'account.manageSessions': ['admin', 'therapist', 'client'],
  'caseload.view': ['therapist', 'admin'],
  'caseload.export': ['therapist', 'admin'],
  'client.viewRecord': ['therapist', 'admin'],
  'people.view': ['admin'],
  'client.create': ['admin'],
  'practice.overview': ['admin'],
  'people.manage': ['admin'],
  'invitation.manage': ['admin'],
  'client.manage': ['admin'],
  'practice.settings': ['admin'],
  'audit.view': ['admin'],
  'client.viewClinical': ['therapist', 'admin'],
  'alert.view': ['therapist', 'admin'],
  'alert.acknowledge': ['therapist', 'admin'],
  'measure.schedule': ['therapist'],
  'measure.markBaseline': ['therapist'],
  'library.view': ['therapist', 'admin'],
  'exercise.author': ['therapist', 'admin'],
  // Object-level rule on top: every client must be on the actor's care team (an admin only for their own).
  'assignment.create': ['therapist', 'admin'],
  'assignment.manage': ['therapist', 'admin'],
  // Object-level rule on top: always the actor's own client record (actor.clientId), never an id from the form.
  'checkin.submit': ['client'],
  'measure.submit': ['client'],
  'progress.viewOwn': ['client'],
  // Object-level rule on top: only occurrences of the actor's own client record.
  'submission.write': ['client'],
  // Object-level rule on top: care team only; admins see that homework was submitted, never the answers.
  'submission.review': ['therapist'],
  // Object-level rule on top: care team only. The printable progress report, the CSV files and the FHIR bundle.
  'client.export': ['therapist', 'admin'],
  // Object-level rule on top: always the actor's own client record. Their report and CSV files from the portal.
  'export.own': ['client'],
  // Always the actor's own: a client's reminder choices (actor.clientId), anyone's own browsers for push.
  'reminders.manageOwn': ['client'],
  'push.subscribe': ['admin', 'therapist', 'client'],
  'notifications.digest': ['therapist', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
