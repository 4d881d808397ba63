import type { ChoiceOption } from './types';

/** The seed bank of docs/clinical.md §4.4, verbatim. Values are stable ids: never renumber, only append. */
export const JOURNALING_PROMPTS: readonly ChoiceOption[] = [
  'What happened, in plain facts — and what story did my mind add?',
  'Which older hurt did this rejection touch?',
  'What would I say to a friend who went through exactly this?',
  'What does this rejection not prove about my worth?',
  'Where did I feel it in my body today, and what eased it?',
  'Whose acceptance do I already have but overlook?',
  'Which need of mine went unmet, and how can I meet part of it myself?',
  'What did I avoid today for fear of rejection, and what did avoiding cost me?',
  "One small social risk I'm willing to take this week, and how I'll look after myself afterwards.",
  'Which boundary would have protected me, and how could I say it kindly?',
  'What am I learning about which people and places are safe for me?',
  'A moment I handled better than I would have a year ago.',
  'Three things that stay true about me whether or not I am accepted.',
  'If I stopped blaming myself for this, what would I do with that energy?',
  "What are my early warning signs that I'm sliding, and what is my first step?",
  'What does having grown through this look like six months from now?',
].map((label, i) => ({ value: `bank_${String(i + 1).padStart(2, '0')}`, label }));

/** The choice that means "the therapist's (or practice's) own prompt", whose text goes in `own_prompt`. */
export const OWN_PROMPT_VALUE = 'own';
