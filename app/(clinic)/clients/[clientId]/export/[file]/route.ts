import { currentActor } from '@/lib/access/current-actor';
import { can } from '@/lib/access/permissions';
import { isExportFile } from '@/lib/reports/csv-files';
import { exportClientCsv } from '@/lib/reports/exports';
import { csvResponse, textRefusal } from '@/lib/reports/responses';

/** One of a care-team client's CSV files (check-ins, measures, homework); audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; file: string }> }) {
  const actor = await currentActor();
  if (!actor) return textRefusal(401);
  const { clientId, file } = await params;
  if (!can(actor.role, 'client.export') || !isExportFile(file)) return textRefusal(404);
  const download = await exportClientCsv(actor, clientId, file);
  return download ? csvResponse(download) : textRefusal(404);
}
