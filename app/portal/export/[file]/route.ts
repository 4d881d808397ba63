import { currentActor } from '@/lib/access/current-actor';
import { can } from '@/lib/access/permissions';
import { isExportFile } from '@/lib/reports/csv-files';
import { exportClientCsv } from '@/lib/reports/exports';
import { csvResponse, textRefusal } from '@/lib/reports/responses';

/** The signed-in client's own CSV files; never anyone else's (the client id comes from the session). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const actor = await currentActor();
  if (!actor) return textRefusal(401);
  const { file } = await params;
  if (!can(actor.role, 'export.own') || !actor.clientId || !isExportFile(file)) return textRefusal(404);
  const download = await exportClientCsv(actor, actor.clientId, file);
  return download ? csvResponse(download) : textRefusal(404);
}
