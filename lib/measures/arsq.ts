import type { AnswerOption, MeasureDefinition, MeasureItem, Scenario } from './types';

export const ARSQ_CONCERN_OPTIONS: readonly AnswerOption[] = [
  { value: 1, label: 'Very unconcerned' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4' },
  { value: 5, label: '5' },
  { value: 6, label: 'Very concerned' },
];

export const ARSQ_ACCEPTANCE_OPTIONS: readonly AnswerOption[] = [
  { value: 1, label: 'Very unlikely' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4' },
  { value: 5, label: '5' },
  { value: 6, label: 'Very likely' },
];

/** Adult norm (Berenson et al., 2009, Study 2, n = 685). */
export const ARSQ_NORM = { mean: 8.61, sd: 3.61 } as const;

const SCENARIOS: readonly { situation: string; concern: string; acceptance: string }[] = [
  {
    situation: 'You ask your parents or another family member for a loan to help you through a difficult financial time.',
    concern: 'How concerned or anxious would you be over whether or not your family would want to help you?',
    acceptance: 'I would expect that they would agree to help as much as they can.',
  },
  {
    situation: 'You approach a close friend to talk after doing or saying something that seriously upset him/her.',
    concern: 'How concerned or anxious would you be over whether or not your friend would want to talk with you?',
    acceptance: 'I would expect that he/she would want to talk with me to try to work things out.',
  },
  {
    situation:
      'You bring up the issue of sexual protection with your significant other and tell him/her how important you think it is.',
    concern: 'How concerned or anxious would you be over his/her reaction?',
    acceptance: 'I would expect that he/she would be willing to discuss our possible options without getting defensive.',
  },
  {
    situation: 'You ask your supervisor for help with a problem you have been having at work.',
    concern: 'How concerned or anxious would you be over whether or not the person would want to help you?',
    acceptance: 'I would expect that he/she would want to try to help me out.',
  },
  {
    situation: 'After a bitter argument, you call or approach your significant other because you want to make up.',
    concern:
      'How concerned or anxious would you be over whether or not your significant other would want to make up with you?',
    acceptance: 'I would expect that he/she would be at least as eager to make up as I would be.',
  },
  {
    situation: 'You ask your parents or other family members to come to an occasion important to you.',
    concern: 'How concerned or anxious would you be over whether or not they would want to come?',
    acceptance: 'I would expect that they would want to come.',
  },
  {
    situation:
      "At a party, you notice someone on the other side of the room that you'd like to get to know, and you approach him or her to try to start a conversation.",
    concern: 'How concerned or anxious would you be over whether or not the person would want to talk with you?',
    acceptance: 'I would expect that he/she would want to talk with me.',
  },
  {
    situation:
      "Lately you've been noticing some distance between yourself and your significant other, and you ask him/her if there is something wrong.",
    concern:
      'How concerned or anxious would you be over whether or not he/she still loves you and wants to be with you?',
    acceptance:
      'I would expect that he/she will show sincere love and commitment to our relationship no matter what else may be going on.',
  },
  {
    situation: 'You call a friend when there is something on your mind that you feel you really need to talk about.',
    concern: 'How concerned or anxious would you be over whether or not your friend would want to listen?',
    acceptance: 'I would expect that he/she would listen and support me.',
  },
];

export const arsqScenarios: readonly Scenario[] = SCENARIOS.map((s, i) => {
  const n = i + 1;
  const concern: MeasureItem = { id: `q${n}a`, number: n, text: s.concern, options: ARSQ_CONCERN_OPTIONS, scored: true };
  const acceptance: MeasureItem = {
    id: `q${n}b`,
    number: n,
    text: s.acceptance,
    options: ARSQ_ACCEPTANCE_OPTIONS,
    scored: true,
  };
  return { number: n, situation: s.situation, concern, acceptance };
});

export const arsq: MeasureDefinition = {
  key: 'arsq',
  title: 'Rejection Sensitivity Questionnaire – Adult version (A-RSQ)',
  shortTitle: 'A-RSQ',
  about: 'Rejection sensitivity',
  timeframe: 'In general',
  instructions:
    'Each of the items below describes things people sometimes ask of other people. Please imagine that you are in each situation. You will be asked to answer the following questions: (a) How concerned or anxious would you be about how the other person would respond? (b) How do you think the other person would be likely to respond?',
  items: arsqScenarios.flatMap((s) => [s.concern, s.acceptance]),
  scenarios: arsqScenarios,
  attribution:
    'Rejection Sensitivity Questionnaire, adult version: Downey & Feldman (1996); Berenson et al. (2009). Available to the public.',
  scoreRange: { min: 1, max: 36 },
  higherIsBetter: false,
  // No clinical cut-offs: shown as a z-score against the adult norm instead.
  bands: [],
};
