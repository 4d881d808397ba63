import { currentActor } from '@/lib/access/current-actor';
import { can } from '@/lib/access/permissions';
import { exportAuditCsv, parseAuditFilters } from '@/lib/audit/queries';
import { localDay } from '@/lib/time/day';

/** The filtered audit trail as a CSV download, for admins of this practice only. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response('Sign in first.', { status: 401 });
  // The same answer as a missing page: a non-admin learns nothing about the route.
  if (!can(actor.role, 'audit.view')) return new Response('Not found.', { status: 404 });
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await exportAuditCsv(actor, filters);
  // Named by the practice's day, the same day the trail's times are written in.
  const day = localDay(new Date(), actor.practice.timeZone);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
