import { currentActor } from '@/lib/access/current-actor';
import { can } from '@/lib/access/permissions';
import { exportRoster } from '@/lib/caseload/export';
import { parseRosterView } from '@/lib/caseload/view';
import { listSearchTerm } from '@/lib/ui/list-search';

/** The roster's current view as CSV: same query (the search from the session, as the page reads it), same scoping, audited. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response('Sign in to export your caseload.', { status: 401 });
  if (!can(actor.role, 'caseload.export')) return new Response('Not found', { status: 404 });
  const params = new URL(request.url).searchParams;
  const { filename, csv } = await exportRoster(actor, parseRosterView(params, await listSearchTerm(actor, 'caseload')), params.getAll('id'));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
