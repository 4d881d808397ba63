import { Badge } from '../ui';

/**
 * Badges for what clinicians scan for: a measure's severity band and an alert's tier. One mapping, so "Severe"
 * looks the same on the roster, the client record and the portal.
 */
type Tone = 'neutral' | 'brand' | 'warn' | 'danger';

/** Band ids of every measure (lib/measures/*): the worse end is danger, the middle warn, the rest calm. */
const BAND_TONES: Record<string, Tone> = {
  minimal: 'neutral',
  mild: 'neutral',
  moderate: 'warn',
  moderately_severe: 'danger',
  severe: 'danger',
  likely_depression: 'danger',
  poor: 'warn',
  adequate: 'brand',
  low: 'warn',
  high: 'brand',
};

export function bandTone(bandId: string | null | undefined): Tone {
  return (bandId && BAND_TONES[bandId]) || 'neutral';
}

export function BandBadge({ bandId, label }: { bandId: string | null | undefined; label: string }) {
  return <Badge tone={bandTone(bandId)}>{label}</Badge>;
}

export function AlertTierBadge({ tier }: { tier: 'urgent' | 'follow_up' }) {
  return tier === 'urgent' ? <Badge tone="danger">Urgent</Badge> : <Badge tone="warn">Follow-up</Badge>;
}
