/**
 * Every rule docs/clinical.md marks [our rule], in one place (the list is docs/clinical.md §7), so a practice can
 * read (and later configure) them.
 * Published values (bands, LOINC codes, published reliable-change thresholds) live with their instruments.
 */
export const OUR_RULES = {
  missingItems: {
    /** PHQ-9 scores with at most this many unanswered items; item 9 may never be one of them. */
    phq9MaxMissing: 2,
    phq9NeverMissingItemId: 'q9',
    /** GAD-7 scores with at most this many unanswered items. */
    gad7MaxMissing: 1,
    /** WHO-5, A-RSQ and SCS-SF need every item. */
    otherMaxMissing: 0,
    /** How a missing item is filled: the mean of the answered ones; total rounded to nearest, halves up. */
    rounding: 'half_up',
  },
  scssfBands: {
    /** Below this mean is "low". */
    lowBelow: 2.5,
    /** Above this mean is "high"; from lowBelow to here inclusive is "moderate". */
    highAbove: 3.5,
  },
  /** SCS-SF has no published reliable-change value; a change of at least this much on the 1–5 mean counts. */
  scssfReliableChange: 0.7,
  distressStreak: {
    /** Distress (SUDS) at or above this, on this many consecutive check-ins, raises a follow-up alert. */
    threshold: 80,
    consecutive: 3,
  },
  /** Recovery toolkit's default agreed step: book a session when PHQ-9 reaches this or rises this much. */
  recoveryToolkitStep: {
    phq9AtLeast: 10,
    phq9RiseAtLeast: 6,
  },
  /** An urgent alert unacknowledged for this long is shown to the practice's admins as well. */
  urgentEscalationHours: 24,
  /** Adherence is completed ÷ due occurrences over this many days. */
  adherenceWindowDays: 28,
  /** Homework not sent stays in the client's list this many days past due, then moves quietly to "missed". */
  homeworkGraceDays: 3,
  /** Chart series are thinned to at most this many points. */
  chartMaxPoints: 400,
} as const;

export type OurRules = typeof OUR_RULES;
