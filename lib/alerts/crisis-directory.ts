/**
 * The crisis directory shown on the crisis panel (docs/clinical.md §5.2). One data file so a number can be checked and
 * its date updated in one place; practices add their own numbers on top.
 */

export type CrisisRegion = 'US' | 'UK';

export interface CrisisContact {
  id: string;
  region: CrisisRegion;
  name: string;
  /** What the person does, in the words shown on the panel. */
  action: string;
  /** Dialable / textable value, for tel: and sms: links. */
  number: string;
  channels: readonly ('call' | 'text')[];
  /** Text body for sms links, where the service asks for a keyword. */
  textKeyword?: string;
  when: string;
  /** Date (YYYY-MM-DD) this number was last checked. */
  checkedOn: string;
}

export const CRISIS_DIRECTORY: readonly CrisisContact[] = [
  {
    id: 'us-988',
    region: 'US',
    name: '988 Suicide & Crisis Lifeline',
    action: 'Call or text 988',
    number: '988',
    channels: ['call', 'text'],
    when: 'Any time, day or night',
    checkedOn: '2026-11-26',
  },
  {
    id: 'us-crisis-text-line',
    region: 'US',
    name: 'Crisis Text Line',
    action: 'Text HOME to 741741',
    number: '741741',
    channels: ['text'],
    textKeyword: 'HOME',
    when: 'Any time, day or night',
    checkedOn: '2026-11-26',
  },
  {
    id: 'us-911',
    region: 'US',
    name: 'Emergency services',
    action: 'Call 911 if you are in immediate danger',
    number: '911',
    channels: ['call'],
    when: 'In immediate danger',
    checkedOn: '2026-11-26',
  },
  {
    id: 'uk-samaritans',
    region: 'UK',
    name: 'Samaritans',
    action: 'Call Samaritans on 116 123',
    number: '116123',
    channels: ['call'],
    when: 'Any time, day or night',
    checkedOn: '2026-11-26',
  },
];

export const PORTAL_NOT_MONITORED =
  'This portal is not watched around the clock. If you need help now, use one of the numbers below.';

export const CRISIS_PANEL_INTRO = 'If you are thinking about harming yourself, please reach out for help now.';

/** Known limits, for the product's help text (docs/clinical.md §5.4). */
export const ALERT_KNOWN_LIMITS: readonly string[] = [
  'PHQ-9 item 9 over-flags: many people who answer it positively are not at high risk.',
  'It also misses some people who later act on thoughts of harming themselves.',
  'Alerts support clinical judgement; they do not replace it.',
];

export function crisisContactsFor(region?: CrisisRegion): readonly CrisisContact[] {
  return region ? CRISIS_DIRECTORY.filter((c) => c.region === region) : CRISIS_DIRECTORY;
}
