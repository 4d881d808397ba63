import type { BuiltInTemplateKey } from '@/lib/exercises';

/** A complete, valid answer set for each built-in exercise. */
export const validAnswers: Record<BuiltInTemplateKey, Record<string, unknown>> = {
  thought_record: {
    situation_what: 'My friend cancelled our dinner an hour before.',
    situation_who: 'S.',
    situation_when: 'Friday evening',
    situation_where: 'At home',
    emotions: [
      { name: 'Hurt', intensity: 80 },
      { name: 'Lonely', intensity: 60 },
    ],
    automatic_thoughts: [
      { text: 'She does not really want to see me.', hot: true },
      { text: 'I always get dropped.', hot: false },
    ],
    distortions: ['mind_reading', 'overgeneralizing'],
    evidence_for: 'She cancelled last month too.',
    evidence_against: 'She said her child was ill and suggested another date.',
    balanced_thought: 'Something came up for her; she still wants to meet.',
    balanced_belief: 70,
    emotions_rerated: [
      { name: 'Hurt', intensity: 40 },
      { name: 'Lonely', intensity: 35 },
    ],
    action: 'Reply and agree the new date.',
  },
  journaling_prompt: {
    prompt: 'bank_03',
    entry: 'I would tell them it says more about timing than about them.',
  },
  self_compassion_break: {
    situation: 'Not invited to the team lunch.',
    distress_before: 7,
    self_criticism_before: 8,
    body_location: 'Tight chest',
    step_noticing: 'This stings.',
    step_common_humanity: 'Anyone left out would feel this.',
    step_kindness: 'You are allowed to feel hurt and still be okay.',
    soothing_touch: true,
    distress_after: 4,
    self_criticism_after: 5,
  },
  safe_place: {
    practice_date: '2026-03-10',
    minutes: 12,
    suds_before: 60,
    window_before: 'above',
    sense_see: 'A quiet beach at dawn.',
    sense_hear: 'Small waves.',
    cue_word: 'tide',
    suds_after: 30,
    window_after: 'within',
    intrusion: false,
  },
  boundaries: {
    relationship: 'My sister',
    need: 'Not to be criticised about my choices at family meals.',
    value: 'Respect',
    i_statement: 'I am going to leave the table if my choices become the topic.',
    if_crossed: 'Step outside for ten minutes.',
    expected_guilt: 6,
    expected_fear: 4,
    rehearsed: true,
  },
  support_network: {
    people: [
      {
        initials: 'AB',
        circle: 'inner',
        support_kinds: ['emotional', 'company'],
        contact_frequency: 'weekly',
        safety_to_share: 9,
        next_step: 'Call on Sunday.',
      },
      { initials: 'M.K', circle: 'outer', support_kinds: ['information'], contact_frequency: 'monthly', safety_to_share: 4 },
    ],
    professionals: [{ role: 'Therapist', name: 'Dr Lee', contact: 'Via the portal' }],
    crisis_lines: [{ name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' }],
  },
  recovery_toolkit: {
    signs_thoughts: 'Nobody would notice if I disappeared.',
    signs_feelings: 'Flat and irritable.',
    signs_behaviours: 'Not replying to messages.',
    rejection_triggers: 'Being left on read.',
    solo_actions: [{ action: 'Walk round the park' }, { action: 'Shower and change' }],
    contacts: [{ who: 'J.', how: 'Text' }],
    keep_well_habits: 'Sleep by midnight; one outing a day.',
    agreed_step: 'PHQ-9 ≥ 10 or a rise ≥ 6 → book a session',
    review_date: '2026-06-01',
  },
  safety_plan: {
    warning_signs: [{ text: 'Staying in bed all day' }],
    coping_alone: [{ text: 'Cold water on my face' }, { text: 'Music' }],
    distraction_people: [{ name: 'R.', contact: '' }],
    help_people: [{ name: 'My brother', contact: '555 0100' }],
    crisis_lines: [{ name: '988', contact: 'Call or text 988' }],
    safer_surroundings: [{ text: 'Ask my brother to keep my medication' }],
    reasons_for_living: 'My dog.',
  },
};

/** For each template: one required top-level field (to delete), and one out-of-range patch with its path. */
export const probes: Record<
  BuiltInTemplateKey,
  {
    required: string;
    outOfRange: { patch: Record<string, unknown>; path: string };
    oversize: { patch: Record<string, unknown>; path: string };
  }
> = {
  thought_record: {
    required: 'evidence_against',
    outOfRange: { patch: { balanced_belief: 105 }, path: 'balanced_belief' },
    oversize: { patch: { evidence_for: 'x'.repeat(5001) }, path: 'evidence_for' },
  },
  journaling_prompt: { required: 'entry', outOfRange: { patch: { prompt: 'bank_17' }, path: 'prompt' }, oversize: { patch: { entry: 'x'.repeat(10001) }, path: 'entry' } },
  self_compassion_break: {
    required: 'step_kindness',
    outOfRange: { patch: { distress_before: 11 }, path: 'distress_before' },
    oversize: { patch: { situation: 'x'.repeat(2001) }, path: 'situation' },
  },
  safe_place: { required: 'intrusion', outOfRange: { patch: { minutes: 0 }, path: 'minutes' }, oversize: { patch: { cue_word: 'x'.repeat(41) }, path: 'cue_word' } },
  boundaries: { required: 'i_statement', outOfRange: { patch: { expected_fear: -1 }, path: 'expected_fear' }, oversize: { patch: { relationship: 'x'.repeat(201) }, path: 'relationship' } },
  support_network: {
    required: 'people',
    outOfRange: {
      patch: {
        people: [{ initials: 'AB', circle: 'inner', support_kinds: ['emotional'], contact_frequency: 'weekly', safety_to_share: 12 }],
      },
      path: 'people.0.safety_to_share',
    },
    oversize: { patch: { professionals: [{ role: 'x'.repeat(101) }] }, path: 'professionals.0.role' },
  },
  recovery_toolkit: {
    required: 'review_date',
    outOfRange: { patch: { review_date: '2026-02-30' }, path: 'review_date' },
    oversize: { patch: { keep_well_habits: 'x'.repeat(2001) }, path: 'keep_well_habits' },
  },
  safety_plan: {
    required: 'crisis_lines',
    outOfRange: { patch: { warning_signs: [] }, path: 'warning_signs' },
    oversize: { patch: { reasons_for_living: 'x'.repeat(2001) }, path: 'reasons_for_living' },
  },
};
