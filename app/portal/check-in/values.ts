import { NOT_SET_FIELD, type SelfCare, type SliderField, type SocialContact, type WindowState, unmovedSlider } from '@/lib/checkins/fields';

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


/**
 * The answers a refused check-in sent, back in the form's shape: a form posted natively (before its script ran)
 * is drawn again from what it sent, so nothing entered is lost. A slider drawn unset and sent from where it
 * rests is still unset, as the action reads it.
 */
export function sentCheckin(sent: Record<string, string | string[]>): CheckinValues {
  const text = (key: string) => {
    const value = sent[key];
    return typeof value === 'string' ? value : '';
  };
  const number = (key: SliderField | 'sleepQuality') => {
    const value = text(key).trim() === '' ? NaN : Number(text(key));
    if (!Number.isFinite(value)) return null;
    return key !== 'sleepQuality' && unmovedSlider(key, value, sent[NOT_SET_FIELD]) ? null : value;
  };
  const choice = <T>(key: string) => (text(key) || null) as T | null;
  return {
    mood: number('mood'),
    distress: number('distress'),
    window: choice('window'),
    sleepHours: number('sleepHours'),
    sleepQuality: number('sleepQuality'),
    socialContact: choice('socialContact'),
    feltConnected: number('feltConnected'),
    feltRejected: number('feltRejected'),
    selfCare: ([] as string[]).concat(sent.selfCare ?? []) as SelfCare[],
    note: text('note'),
    safetyThoughts: choice('safetyThoughts'),
  };
}
