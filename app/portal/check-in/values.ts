import type { SelfCare, SocialContact, WindowState } from '@/lib/checkins/fields';

/** The check-in form's state: null is an unanswered question. */
export type CheckinValues = {
  mood: number | null;
  distress: number | null;
  window: WindowState | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  socialContact: SocialContact | null;
  feltConnected: number | null;
  feltRejected: number | null;
  selfCare: SelfCare[];
  note: string;
  safetyThoughts: 'yes' | 'no' | null;
};

export const EMPTY_CHECKIN: CheckinValues = {
  mood: null,
  distress: null,
  window: null,
  sleepHours: null,
  sleepQuality: null,
  socialContact: null,
  feltConnected: null,
  feltRejected: null,
  selfCare: [],
  note: '',
  safetyThoughts: null,
};

