import 'server-only';
import { isUuid } from '@/lib/access/ids';
import { can } from '@/lib/access/permissions';
import { canReadClinical } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';

/**
 * Who may make a client's report or take their data out: the client themself from the portal, or a clinician
 * on their care team (docs/clinical.md §6.2). An admin off the care team may not: it is all clinical content.
 */
export function mayExportClient(actor: Actor, clientId: string): boolean {
  if (!isUuid(clientId)) return false;
  const permission = actor.role === 'client' ? 'export.own' : 'client.export';
  return can(actor.role, permission) && canReadClinical(actor, clientId);
}
