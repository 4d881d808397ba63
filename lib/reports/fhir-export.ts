import 'server-only';
import type { Bundle } from '@medplum/fhirtypes';
import { and, asc, eq } from 'drizzle-orm';
import { clients, measureAdministrations } from '@/db/schema';
import { withActor } from '@/lib/access/scope';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/types';
import { isMeasureKey } from '@/lib/measures/types';
import { mayExportClient } from './access';
import { type FhirAdministration, clientBundle } from './fhir';

/**
 * A client's FHIR R4 Bundle, for the client themself or a clinician on their care team; null for anyone else,
 * before anything is read. Audited as `client.export` with format "fhir" (ids and counts only).
 */
export async function exportClientFhir(actor: Actor, clientId: string, now: Date = new Date()): Promise<Bundle | null> {
  if (!mayExportClient(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    const [client] = await tx
      .select({
        id: clients.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
        email: clients.email,
        status: clients.status,
      })
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, clientId)));
    if (!client) return null;
    const rows = await tx
      .select({
        id: measureAdministrations.id,
        measure: measureAdministrations.measure,
        status: measureAdministrations.status,
        completedAt: measureAdministrations.completedAt,
        answers: measureAdministrations.answers,
        score: measureAdministrations.score,
        band: measureAdministrations.band,
      })
      .from(measureAdministrations)
      .where(
        and(eq(measureAdministrations.practiceId, actor.practiceId), eq(measureAdministrations.clientId, clientId)),
      )
      .orderBy(asc(measureAdministrations.completedAt));
    const administrations: FhirAdministration[] = rows.flatMap((r) =>
      isMeasureKey(r.measure) ? [{ ...r, measure: r.measure }] : [],
    );
    const bundle = clientBundle(client, administrations, now);
    await recordAudit(tx, actor, {
      action: 'client.export',
      entityType: 'client',
      entityId: clientId,
      clientId,
      meta: { format: 'fhir', resources: bundle.entry?.length ?? 0 },
    });
    return bundle;
  });
}
