import { describe, expect, it } from 'vitest';

import {
  ALERT_KNOWN_LIMITS,
  CRISIS_DIRECTORY,
  PORTAL_NOT_MONITORED,
  crisisContactsFor,
} from '@/lib/alerts/crisis-directory';

describe('crisis directory', () => {
  it('lists the docs/clinical.md §5.2 numbers, each with the date it was checked', () => {
    const actions = CRISIS_DIRECTORY.map((c) => c.action);
    expect(actions).toContain('Call or text 988');
    expect(actions).toContain('Text HOME to 741741');
    expect(actions.some((a) => a.includes('911') && a.includes('immediate danger'))).toBe(true);
    expect(actions.some((a) => a.includes('Samaritans') && a.includes('116 123'))).toBe(true);
    for (const c of CRISIS_DIRECTORY) expect(c.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('filters by region', () => {
    expect(crisisContactsFor('UK').map((c) => c.number)).toEqual(['116123']);
    expect(crisisContactsFor('US')).toHaveLength(3);
    expect(crisisContactsFor()).toHaveLength(4);
  });

  it('says plainly that the portal is not watched around the clock, and states the known limits', () => {
    expect(PORTAL_NOT_MONITORED).toMatch(/not watched around the clock/);
    const limits = ALERT_KNOWN_LIMITS.join(' ');
    expect(limits).toMatch(/over-flags/);
    expect(limits).toMatch(/misses/);
    expect(limits).toMatch(/support clinical judgement/);
  });
});
