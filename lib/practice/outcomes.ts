import { classifyChange, isCase, recoveryStatus, type MeasureKey } from '@/lib/measures';

/** Outcomes are read only where there is enough history to mean something (the 8 weeks). */
export const OUTCOME_MIN_DAYS = 56;
const DAY_MS = 86_400_000;

export type Administration = { clientId: string; measure: string; score: number; completedAt: Date; isBaseline: boolean };

type Pair = { baseline: number; latest: number };

/** Baseline = the one marked as baseline, else the first; latest = the last. Null without two administrations 8 weeks apart. */
export function pairFor(rows: readonly Administration[]): Pair | null {
  if (rows.length < 2) return null;
  const sorted = [...rows].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  const baseline = sorted.find((r) => r.isBaseline) ?? sorted[0]!;
  const latest = sorted[sorted.length - 1]!;
  if (latest === baseline || latest.completedAt.getTime() - baseline.completedAt.getTime() < OUTCOME_MIN_DAYS * DAY_MS) return null;
  return { baseline: baseline.score, latest: latest.score };
}

export type OutcomeSummary = {
  /** Clients with at least 8 weeks between baseline and latest on PHQ-9 or GAD-7. */
  eligible: number;
  reliableImprovement: number;
  reliableDeterioration: number;
  /** Of the eligible, those who were a case at baseline: the denominator for recovery. */
  caseAtBaseline: number;
  recovery: number;
  reliableRecovery: number;
};

function classifyOne(key: MeasureKey, pair: Pair) {
  const change = classifyChange(key, pair.baseline, pair.latest);
  const caseAtBaseline = isCase(key, pair.baseline) === true;
  const caseAtLatest = isCase(key, pair.latest) === true;
  const recovery = caseAtBaseline && !caseAtLatest;
  return {
    caseAtBaseline,
    recovery,
    reliableImprovement: change === 'reliable_improvement',
    reliableDeterioration: change === 'reliable_deterioration',
    reliableRecovery: recovery && change === 'reliable_improvement',
  };
}

/**
 * Practice-wide counts from PHQ-9 and GAD-7 administrations (docs/clinical.md §2.5). With both measures the
 * NHS Talking Therapies rules apply as written (recoveryStatus); with only one, the same rules on that one.
 */
export function summariseOutcomes(rows: readonly Administration[]): OutcomeSummary {
  const byClient = new Map<string, { phq9: Administration[]; gad7: Administration[] }>();
  for (const r of rows) {
    if (r.measure !== 'phq9' && r.measure !== 'gad7') continue;
    const entry = byClient.get(r.clientId) ?? { phq9: [], gad7: [] };
    entry[r.measure].push(r);
    byClient.set(r.clientId, entry);
  }
  const out: OutcomeSummary = { eligible: 0, reliableImprovement: 0, reliableDeterioration: 0, caseAtBaseline: 0, recovery: 0, reliableRecovery: 0 };
  for (const { phq9, gad7 } of byClient.values()) {
    const p = pairFor(phq9);
    const g = pairFor(gad7);
    const result = p && g ? recoveryStatus({ phq9: p, gad7: g }) : p ? classifyOne('phq9', p) : g ? classifyOne('gad7', g) : null;
    if (!result) continue;
    out.eligible += 1;
    if (result.reliableImprovement) out.reliableImprovement += 1;
    if (result.reliableDeterioration) out.reliableDeterioration += 1;
    if (result.caseAtBaseline) out.caseAtBaseline += 1;
    if (result.recovery) out.recovery += 1;
    if (result.reliableRecovery) out.reliableRecovery += 1;
  }
  return out;
}

export type AlertAgeBucket = 'under24h' | 'from24to72h' | 'over72h';

export function alertAgeBucket(raisedAt: Date, now: Date): AlertAgeBucket {
  const hours = (now.getTime() - raisedAt.getTime()) / 3_600_000;
  if (hours < 24) return 'under24h';
  if (hours < 72) return 'from24to72h';
  return 'over72h';
}
