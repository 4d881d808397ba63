/**
 * What a clinician can record having done about an alert. Apart from the trigger table (lib/alerts/triggers.ts,
 * which holds the validation schema and the measures' rules) so the browser's acknowledgement form imports these
 * labels without the validation library: zod alone was 30 kB gzip of every client record's first load.
 */
export const ACK_ACTIONS = ['contacted_client', 'reviewed_safety_plan', 'scheduled_session', 'no_action_needed'] as const;
export type AckAction = (typeof ACK_ACTIONS)[number];

export const ACK_ACTION_LABELS: Readonly<Record<AckAction, string>> = {
  contacted_client: 'Contacted the client',
  reviewed_safety_plan: 'Reviewed the safety plan',
  scheduled_session: 'Scheduled a session',
  no_action_needed: 'No action needed',
};
