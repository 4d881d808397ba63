/**
 * What each audit action means, in words an administrator reads on the audit trail and in its CSV.
 * Every action the app records is a key here: the type of an audit entry's action is this map's keys, so a
 * new action without a label does not compile, and tests/unit/audit/labels.test.ts checks the source for
 * any action written around the type. Old codes stay: rows already written keep their meaning.
 */
export const AUDIT_ACTION_LABELS = {
  // Signing in and out
  'auth.signIn': 'Signed in',
  'auth.signOut': 'Signed out',
  'session.end': 'Session ended',
  'session.choosePractice': 'Chose this practice to work in',
  'account.endSessions': 'Signed out other devices',
  // Never written (a search skips the trail); the names of the lists' search actions.
  'caseload.search': 'Searched the caseload',
  'client.search': 'Searched the client list',
  'people.search': 'Searched the people list',
  // Accounts and people
  'practice.signUp': 'Created the practice',
  'practice.updateSettings': 'Changed practice settings',
  'practice.updateNotifications': 'Changed practice notification settings',
  'invitation.create': 'Sent an invitation',
  'invitation.resend': 'Resent an invitation',
  'invitation.revoke': 'Revoked an invitation',
  'invitation.accept': 'Accepted an invitation',
  'account.changePassword': 'Changed their password',
  'account.sendPasswordReset': 'Sent a password reset',
  'account.resetPassword': 'Reset their password',
  'account.changeRole': 'Changed a role',
  'account.deactivate': 'Deactivated an account',
  'account.reactivate': 'Reactivated an account',
  // Clients and the care team
  'client.create': 'Added a client',
  'client.update': 'Edited a client’s details',
  'client.changeStatus': 'Changed a client’s status',
  'client.setCareTeam': 'Set a client’s care team',
  'client.moveCareTeam': 'Moved clients to another therapist',
  'client.careTeamChanged': 'Client’s care team changed',
  'client.viewClinical': 'Viewed a client’s clinical overview',
  'client.viewRecord': 'Viewed a section of a client’s record',
  'client.export': 'Exported a client’s data',
  'caseload.view': 'Viewed the caseload',
  'caseload.export': 'Exported the caseload',
  'report.create': 'Made a progress report',
  // Check-ins, measures, alerts
  'checkin.submit': 'Sent a check-in',
  'measure.draftStarted': 'Started answering a measure',
  'measure.draftSave': 'Saved a measure draft',
  'measure.submit': 'Sent a measure',
  'measure.markBaseline': 'Marked a measure baseline',
  'measureSchedule.create': 'Scheduled a measure',
  'measureSchedule.update': 'Changed a measure schedule',
  'measureSchedule.end': 'Ended a measure schedule',
  'measureSchedule.applyDefaults': 'Applied the default measure schedules',
  'alert.raise': 'Alert raised',
  'alert.acknowledge': 'Acknowledged an alert',
  'alerts.view': 'Viewed alerts',
  'alerts.viewEscalated': 'Viewed escalated alerts',
  // Homework
  'exercise.create': 'Created an exercise',
  'exercise.update': 'Edited an exercise',
  'exercise.share': 'Shared an exercise with the practice',
  'exercise.archive': 'Archived an exercise',
  'assignment.create': 'Assigned homework',
  'assignment.update': 'Changed an assignment',
  'assignment.cancel': 'Cancelled an assignment',
  'assignment.cancelOccurrence': 'Cancelled one homework item',
  'assignment.rollForward': 'Planned more of an open-ended assignment',
  'homework.setAside': 'Set one homework item aside',
  'submission.draftStarted': 'Started working on homework',
  'submission.saveDraft': 'Saved homework draft',
  'submission.submit': 'Sent homework',
  'submission.view': 'Viewed sent homework',
  'submission.comment': 'Commented on homework',
  'submission.requestRevision': 'Asked for a revision',
  'submission.markReviewed': 'Marked homework reviewed',
  // Reminders and notifications
  'reminders.save': 'Changed reminder settings',
  'reminders.unsubscribe': 'Unsubscribed from reminders',
  'push.subscribe': 'Turned on device notifications',
  'notifications.saveDigest': 'Changed daily summary settings',
  // The trail itself
  'audit.export': 'Exported the audit trail',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code);
}

/** The label of a recorded action; a code from a newer or older build than this one shows as itself. */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code] : code;
}
