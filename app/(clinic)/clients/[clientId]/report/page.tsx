import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProgressReportView } from '@/app/_components/report/progress-report';
import { ReportControls } from '@/app/_components/report/report-controls';
import { SummaryEditor } from '@/app/_components/report/summary-editor';
import { requirePageActor } from '@/lib/access/guard';
import { localDay } from '@/lib/time/day';
import { mayExportClient } from '@/lib/reports/access';
import { parseReportPeriod } from '@/lib/reports/period';
import { loadProgressReport } from '@/lib/reports/progress';

export const metadata: Metadata = { title: 'Progress report' };

export default async function ClientReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clientId } = await params;
  const actor = await requirePageActor('client.export');
  if (!mayExportClient(actor, clientId)) notFound();
  const parsed = parseReportPeriod(await searchParams, localDay(new Date(), actor.practice.timeZone));
  const report = await loadProgressReport(actor, clientId, parsed.period);
  if (!report) notFound();
  const base = `/clients/${clientId}`;
  return (
    <>
      <ReportControls
        action={`${base}/report`}
        parsed={parsed}
        exportHref={(file) => `${base}/export/${file}`}
        fhirHref={`${base}/fhir`}
        back={{ href: base, label: 'Back to the client' }}
      />
      <ProgressReportView report={report} summary={<SummaryEditor />} />
    </>
  );
}
