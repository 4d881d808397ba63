import type { ChoiceOption } from './types';

export interface CognitiveDistortion extends ChoiceOption {
  /** One line, in our words, shown under the name so the client can recognise the pattern. */
  readonly description: string;
}

/** The twelve thinking traps of docs/clinical.md §4.3, offered as a multi-select on the thought record. */
export const COGNITIVE_DISTORTIONS: readonly CognitiveDistortion[] = [
  { value: 'all_or_nothing', label: 'All-or-nothing thinking', description: 'Seeing things as total success or total failure, with nothing in between.' },
  { value: 'overgeneralizing', label: 'Overgeneralizing', description: 'Treating one painful event as proof that it will always go this way.' },
  { value: 'mental_filter', label: 'Mental filter', description: 'Dwelling on the one bad detail until it colours the whole picture.' },
  { value: 'discounting_positive', label: 'Discounting the positive', description: 'Telling yourself the good things "don\'t count" or were just luck.' },
  { value: 'mind_reading', label: 'Mind reading', description: 'Assuming you know what others think of you without checking.' },
  { value: 'fortune_telling', label: 'Fortune telling', description: 'Predicting that things will turn out badly as if it were already settled.' },
  { value: 'catastrophizing_minimizing', label: 'Catastrophizing or minimizing', description: 'Blowing the bad out of proportion, or shrinking the good until it vanishes.' },
  { value: 'emotional_reasoning', label: 'Emotional reasoning', description: 'Taking a feeling as a fact: "I feel unwanted, so I must be unwanted."' },
  { value: 'should_statements', label: '"Should" statements', description: 'Holding yourself or others to rigid rules of "should", "must" and "ought".' },
  { value: 'labeling', label: 'Labeling', description: 'Summing up a whole person, often yourself, with one harsh word.' },
  { value: 'personalizing', label: 'Personalizing', description: 'Taking the blame for things that were not mainly about you or in your control.' },
  { value: 'blaming', label: 'Blaming', description: 'Putting all of the responsibility on someone else and none on the situation.' },
];
