import type { Observation, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEASURES } from '@/lib/measures/definitions';
import { MEASURE_KEYS } from '@/lib/measures/types';
import {
  LOINC_SYSTEM,
  MEND_MEASURE_CODE_SYSTEM,
  type FhirAdministration,
  clientBundle,
  questionnaireResource,
  questionnaireUrl,
} from '@/lib/reports/fhir';
import { bundleErrors, ensureDefinitions, fhirProblems } from '../../support/fhir';

const CLIENT = {
  id: '0b8a3f52-5f0e-4c52-9a7e-3a1d2b4c5d6e',
  firstName: 'Łucja',
  lastName: '王',
  preferredName: 'Lu',
  email: 'lu@example.org',
  status: 'active',
};
const at = (day: string) => new Date(`${day}T09:30:00Z`);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function allAnswered(key: (typeof MEASURE_KEYS)[number], value: (min: number) => number) {
  return Object.fromEntries(
    MEASURES[key].items.map((item) => [item.id, value(Math.min(...item.options.map((o) => o.value)))]),
  );
}

const ADMINISTRATIONS: FhirAdministration[] = [
  {
    id: uuid(1),
    measure: 'phq9',
    status: 'complete',
    completedAt: at('2026-09-01'),
    answers: allAnswered('phq9', () => 2),
    score: 18,
    band: 'moderately_severe',
  },
  {
    id: uuid(2),
    measure: 'phq9',
    status: 'complete',
    completedAt: at('2026-10-01'),
    answers: allAnswered('phq9', () => 1),
    score: 9,
    band: 'mild',
  },
  {
    id: uuid(3),
    measure: 'gad7',
    status: 'complete',
    completedAt: at('2026-09-01'),
    answers: allAnswered('gad7', () => 1),
    score: 7,
    band: 'mild',
  },
  {
    id: uuid(4),
    measure: 'who5',
    status: 'complete',
    completedAt: at('2026-09-01'),
    answers: allAnswered('who5', () => 3),
    score: 60,
    band: 'adequate',
  },
  {
    id: uuid(5),
    measure: 'arsq',
    status: 'complete',
    completedAt: at('2026-09-02'),
    answers: allAnswered('arsq', (min) => min + 1),
    score: 10,
    band: null,
  },
  {
    id: uuid(6),
    measure: 'scssf',
    status: 'complete',
    completedAt: at('2026-09-02'),
    answers: allAnswered('scssf', () => 3),
    score: 3,
    band: 'moderate',
  },
  // Submitted but not scorable: answers kept, no score, so no Observation.
  {
    id: uuid(7),
    measure: 'phq9',
    status: 'incomplete',
    completedAt: at('2026-10-15'),
    answers: { q1: 1, q2: null },
    score: null,
    band: null,
  },
];

describe('the FHIR R4 bundle of a client', () => {
  beforeAll(ensureDefinitions, 60_000);

  const bundle = clientBundle(CLIENT, ADMINISTRATIONS, new Date('2026-11-30T10:00:00Z'));
  const resources = (bundle.entry ?? []).map((e) => e.resource!);
  const ofType = <T>(type: string) => resources.filter((r) => r.resourceType === type) as T[];

  it('validates against the R4 definitions with zero errors, the bundle and every resource in it', () => {
    expect(bundleErrors(bundle)).toEqual([]);
  });

  it('holds the patient, one Questionnaire per instrument used, one response per administration and one Observation per total score', () => {
    expect(ofType('Patient')).toHaveLength(1);
    expect(
      ofType<Questionnaire>('Questionnaire')
        .map((q) => q.url)
        .sort(),
    ).toEqual(MEASURE_KEYS.map(questionnaireUrl).sort());
    expect(ofType('QuestionnaireResponse')).toHaveLength(7);
    expect(ofType('Observation')).toHaveLength(6);
  });

  it('codes PHQ-9 and GAD-7 totals with LOINC and the others with our code system', () => {
    const observations = ofType<Observation>('Observation');
    const code = (id: string) => observations.find((o) => o.id === id)!.code.coding![0]!;
    expect(code(uuid(1))).toMatchObject({ system: LOINC_SYSTEM, code: '44261-6' });
    expect(code(uuid(3))).toMatchObject({ system: LOINC_SYSTEM, code: '70274-6' });
    expect(code(uuid(4))).toMatchObject({ system: MEND_MEASURE_CODE_SYSTEM, code: 'who5-score' });
    expect(observations.find((o) => o.id === uuid(1))).toMatchObject({
      valueQuantity: { value: 18 },
      interpretation: [{ text: 'Moderately severe' }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${uuid(1)}` }],
    });
    expect(questionnaireResource('phq9').code).toEqual([
      expect.objectContaining({ system: LOINC_SYSTEM, code: '44249-1' }),
    ]);
    expect(questionnaireResource('gad7').code).toEqual([
      expect.objectContaining({ system: LOINC_SYSTEM, code: '69737-5' }),
    ]);
  });

  it('keeps the answers as given, skipping unanswered items, and marks an unscorable form as not completed', () => {
    const responses = ofType<QuestionnaireResponse>('QuestionnaireResponse');
    const incomplete = responses.find((r) => r.id === uuid(7))!;
    expect(incomplete.status).toBe('in-progress');
    expect(incomplete.item).toEqual([
      expect.objectContaining({ linkId: 'q1', answer: [{ valueCoding: { code: '1', display: 'Several days' } }] }),
    ]);
    const first = responses.find((r) => r.id === uuid(1))!;
    expect(first.item).toHaveLength(10);
    expect(first.subject).toEqual({ reference: `Patient/${CLIENT.id}` });
  });

  it('the validator used here does catch a broken resource', () => {
    const broken = { resourceType: 'Observation', id: 'x', status: 'not-a-status', code: {} } as unknown as Observation;
    expect(fhirProblems(broken).filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
  });
});
