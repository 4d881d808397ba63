import { describe, expect, it } from 'vitest';
import { parseSection, sectionHref, visibleSections } from '@/app/(clinic)/clients/[clientId]/sections';

describe('client record sections', () => {
  it('shows the clinical sections to the care team only', () => {
    expect(visibleSections(true)).toEqual(['overview', 'measures', 'checkins', 'homework', 'alerts', 'schedules']);
    expect(visibleSections(false)).toEqual(['overview', 'homework']);
  });

  it('opens the section the URL names, and the overview for anything unknown or not shown', () => {
    const all = visibleSections(true);
    expect(parseSection('homework', all)).toBe('homework');
    expect(parseSection('alerts', all)).toBe('alerts');
    expect(parseSection(undefined, all)).toBe('overview');
    expect(parseSection('constructor', all)).toBe('overview');
    expect(parseSection(['alerts', 'homework'], all)).toBe('overview');
    expect(parseSection('alerts', visibleSections(false))).toBe('overview');
  });

  it('links keep the section and its own parameters; the overview is the bare address', () => {
    expect(sectionHref('c1', 'overview')).toBe('/clients/c1');
    expect(sectionHref('c1', 'measures', { range: '30d' })).toBe('/clients/c1?tab=measures&range=30d');
    expect(sectionHref('c1', 'alerts', { alert: 'a1' })).toBe('/clients/c1?tab=alerts&alert=a1');
  });
});

