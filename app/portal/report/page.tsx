import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProgressReportView } from '@/app/_components/report/progress-report';
import { ReportControls } from '@/app/_components/report/report-controls';
import { requireClientActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { localDay } from '@/lib/time/day';
import { parseReportPeriod } from '@/lib/reports/period';
import { loadProgressReport } from '@/lib/reports/progress';

export const metadata: Metadata = { title: 'My report' };

/** The client's own progress report, to print or keep, and their data files. */
export default async function MyReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireClientActor();
  if (!can(actor.role, 'export.own')) notFound();
  const parsed = parseReportPeriod(await searchParams, localDay(new Date(), actor.practice.timeZone));
  const report = await loadProgressReport(actor, actor.clientId, parsed.period);
  if (!report) notFound();
  return (
    <>
      <ReportControls
        action="/portal/report"
        parsed={parsed}
        exportHref={(file) => `/portal/export/${file}`}
        back={{ href: '/portal/progress', label: 'Back to my progress' }}
      />
      <ProgressReportView report={report} />
    </>
  );
}
