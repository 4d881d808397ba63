import { Card, EmptyState } from '@/app/_components/ui';
import { can } from '@/lib/access/permissions';
import type { Actor } from '@/lib/auth/types';
import { recordSummary } from '@/lib/clients/record-page';
import { MeasureSummary, RecoveryLine } from './measure-summary';

/** The overview's clinical summary: each measure's latest score, baseline and change, and recovery. Care team only. */
export async function ClinicalSummarySection({ actor, clientId }: { actor: Actor; clientId: string }) {
  if (!can(actor.role, 'client.viewClinical')) return null;
  const overview = await recordSummary(actor, clientId);
  if (!overview) return null;
  return (
    <Card title="Summary">
      {overview.measures.length ? (
        <div className="space-y-4">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
            {overview.measures.map((m) => (
              <MeasureSummary key={m.key} m={m} />
            ))}
          </div>
          <RecoveryLine recovery={overview.recovery} />
        </div>
      ) : (
        <EmptyState title="No measures completed yet">Scores appear here once the client completes a measure.</EmptyState>
      )}
    </Card>
  );
}
