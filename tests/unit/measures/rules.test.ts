import { describe, expect, it } from 'vitest';

import { OUR_RULES } from '@/lib/measures';

describe('OUR_RULES ([our rule] values in one place)', () => {
  it('holds the docs/clinical.md §7 values', () => {
    expect(OUR_RULES.missingItems.phq9MaxMissing).toBe(2);
    expect(OUR_RULES.missingItems.phq9NeverMissingItemId).toBe('q9');
    expect(OUR_RULES.missingItems.gad7MaxMissing).toBe(1);
    expect(OUR_RULES.missingItems.otherMaxMissing).toBe(0);
    expect(OUR_RULES.scssfBands).toEqual({ lowBelow: 2.5, highAbove: 3.5 });
    expect(OUR_RULES.scssfReliableChange).toBe(0.7);
    expect(OUR_RULES.distressStreak).toEqual({ threshold: 80, consecutive: 3 });
    expect(OUR_RULES.recoveryToolkitStep).toEqual({ phq9AtLeast: 10, phq9RiseAtLeast: 6 });
  });
});
