import { currentActor } from '@/lib/access/current-actor';
import { can } from '@/lib/access/permissions';
import { exportClientFhir } from '@/lib/reports/fhir-export';
import { fhirRefusal, fhirResponse } from '@/lib/reports/responses';

/** A care-team client's record as a FHIR R4 Bundle (read-only); audited like every clinical read. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const actor = await currentActor();
  if (!actor) return fhirRefusal(401);
  const { clientId } = await params;
  if (!can(actor.role, 'client.export')) return fhirRefusal(404);
  const bundle = await exportClientFhir(actor, clientId);
  return bundle ? fhirResponse(bundle) : fhirRefusal(404);
}
