/** Words for homework states, shared by the portal and the clinic so both describe a state the same way. */
export const SUBMISSION_STATUS_LABELS = {
  draft: 'Started',
  submitted: 'Sent — waiting for review',
  revision_requested: 'Asked to revise',
  reviewed: 'Reviewed',
} as const;

export const OCCURRENCE_STATUS_LABELS = {
  due: 'Not started',
  in_progress: 'Started',
  submitted: 'Sent',
  reviewed: 'Reviewed',
  missed: 'Missed',
  cancelled: 'Cancelled',
  set_aside: 'Set aside by client',
} as const;

export type StatusTone = 'neutral' | 'brand' | 'warn' | 'danger';

export function submissionTone(status: keyof typeof SUBMISSION_STATUS_LABELS): StatusTone {
  if (status === 'revision_requested') return 'warn';
  if (status === 'reviewed') return 'brand';
  return 'neutral';
}
