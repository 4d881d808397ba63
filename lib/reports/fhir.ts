import type {
  Bundle,
  Observation,
  Patient,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  Resource,
} from '@medplum/fhirtypes';
import { MEASURES } from '@/lib/measures/definitions';
import { loincFor } from '@/lib/measures/loinc';
import type { MeasureDefinition, MeasureItem, MeasureKey } from '@/lib/measures/types';

/**
 * A client's record as a FHIR R4 Bundle (type "collection"): the Patient, one Questionnaire per instrument used,
 * one QuestionnaireResponse per administration and one Observation per total score. Totals are coded with LOINC
 * where a code exists (docs/clinical.md §1.5: PHQ-9 44261-6, GAD-7 70274-6, panels 44249-1 and 69737-5) and with our own
 * code system where none does. Pure: the caller loads the rows.
 */

/** Our canonical base for Questionnaire URLs and for codes that no published code system has. */
export const MEND_FHIR_BASE = 'https://fhir.mend.example';
export const MEND_MEASURE_CODE_SYSTEM = `${MEND_FHIR_BASE}/CodeSystem/measure`;
export const MEND_CLIENT_ID_SYSTEM = `${MEND_FHIR_BASE}/NamingSystem/client-id`;
export const LOINC_SYSTEM = 'http://loinc.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';

export interface FhirClient {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  email: string | null;
  status: string;
}

export interface FhirAdministration {
  id: string;
  measure: MeasureKey;
  status: 'complete' | 'incomplete';
  completedAt: Date;
  answers: Record<string, number | null>;
  score: number | null;
  /** Band id as stored (e.g. "moderate"). */
  band: string | null;
}

export function questionnaireUrl(key: MeasureKey): string {
  return `${MEND_FHIR_BASE}/Questionnaire/${key}`;
}

function fullUrl(resource: Resource & { id?: string }): string {
  return `${MEND_FHIR_BASE}/${resource.resourceType}/${resource.id}`;
}

/** A-RSQ's questions only make sense with their scenario, so the situation leads the item text. */
function itemText(definition: MeasureDefinition, item: MeasureItem): string {
  const scenario = definition.scenarios?.find((s) => s.concern.id === item.id || s.acceptance.id === item.id);
  return scenario ? `${scenario.situation} ${item.text}` : item.text;
}

function itemPrefix(definition: MeasureDefinition, item: MeasureItem): string {
  const scenario = definition.scenarios?.find((s) => s.concern.id === item.id || s.acceptance.id === item.id);
  if (!scenario) return String(item.number);
  return `${scenario.number}${scenario.concern.id === item.id ? 'a' : 'b'}`;
}

function answerCoding(item: MeasureItem, value: number) {
  const option = item.options.find((o) => o.value === value);
  return { code: String(value), display: option?.label ?? String(value) };
}

function measureCode(key: MeasureKey, part: 'panel' | 'total') {
  const definition = MEASURES[key];
  const loinc = loincFor(key);
  if (loinc) {
    return {
      coding: [
        {
          system: LOINC_SYSTEM,
          code: loinc[part],
          display: part === 'total' ? `${definition.shortTitle} total score` : definition.title,
        },
      ],
      text: part === 'total' ? `${definition.shortTitle} total score` : definition.title,
    };
  }
  const code = part === 'total' ? `${key}-score` : key;
  const display = part === 'total' ? `${definition.shortTitle} score` : definition.title;
  return { coding: [{ system: MEND_MEASURE_CODE_SYSTEM, code, display }], text: display };
}

export function patientResource(client: FhirClient): Patient {
  const names: NonNullable<Patient['name']> = [{ use: 'official', family: client.lastName, given: [client.firstName] }];
  if (client.preferredName) names.push({ use: 'usual', family: client.lastName, given: [client.preferredName] });
  return {
    resourceType: 'Patient',
    id: client.id,
    identifier: [{ system: MEND_CLIENT_ID_SYSTEM, value: client.id }],
    active: client.status === 'active' || client.status === 'paused',
    name: names,
    ...(client.email ? { telecom: [{ system: 'email' as const, value: client.email }] } : {}),
  };
}

export function questionnaireResource(key: MeasureKey): Questionnaire {
  const definition = MEASURES[key];
  const panel = measureCode(key, 'panel');
  const item: QuestionnaireItem[] = definition.items.map((measureItem) => ({
    linkId: measureItem.id,
    prefix: itemPrefix(definition, measureItem),
    text: itemText(definition, measureItem),
    type: 'choice',
    answerOption: measureItem.options.map((o) => ({ valueCoding: { code: String(o.value), display: o.label } })),
  }));
  return {
    resourceType: 'Questionnaire',
    id: `mend-${key}`,
    url: questionnaireUrl(key),
    name: definition.shortTitle.replace(/[^A-Za-z0-9]/g, ''),
    title: definition.title,
    status: 'active',
    subjectType: ['Patient'],
    code: panel.coding,
    description: `${definition.about}. ${definition.instructions}`,
    copyright: definition.attribution,
    item,
  };
}

export function questionnaireResponseResource(
  clientId: string,
  administration: FhirAdministration,
): QuestionnaireResponse {
  const definition = MEASURES[administration.measure];
  const item = definition.items.flatMap((measureItem) => {
    const value = administration.answers[measureItem.id];
    if (value === null || value === undefined) return [];
    return [
      {
        linkId: measureItem.id,
        text: itemText(definition, measureItem),
        answer: [{ valueCoding: answerCoding(measureItem, value) }],
      },
    ];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    id: administration.id,
    questionnaire: questionnaireUrl(administration.measure),
    // An unscorable form keeps its answers but is not a completed instrument (docs/clinical.md §1.3).
    status: administration.status === 'complete' ? 'completed' : 'in-progress',
    subject: { reference: `Patient/${clientId}` },
    authored: administration.completedAt.toISOString(),
    ...(item.length ? { item } : {}),
  };
}

export function scoreObservation(clientId: string, administration: FhirAdministration): Observation | null {
  if (administration.score === null || administration.status !== 'complete') return null;
  const definition = MEASURES[administration.measure];
  const band = administration.band ? definition.bands.find((b) => b.id === administration.band) : undefined;
  return {
    resourceType: 'Observation',
    id: administration.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: measureCode(administration.measure, 'total'),
    subject: { reference: `Patient/${clientId}` },
    effectiveDateTime: administration.completedAt.toISOString(),
    valueQuantity: { value: administration.score, unit: '{score}', system: UCUM, code: '{score}' },
    ...(band ? { interpretation: [{ text: band.label }] } : {}),
    derivedFrom: [{ reference: `QuestionnaireResponse/${administration.id}` }],
  };
}

export function clientBundle(client: FhirClient, administrations: readonly FhirAdministration[], now: Date): Bundle {
  const used = [...new Set(administrations.map((a) => a.measure))];
  const resources: Resource[] = [
    patientResource(client),
    ...used.map(questionnaireResource),
    ...administrations.map((a) => questionnaireResponseResource(client.id, a)),
    ...administrations.flatMap((a) => scoreObservation(client.id, a) ?? []),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: fullUrl(resource), resource })),
  };
}
