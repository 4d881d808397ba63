import { Badge, formatDate } from '@/app/_components/ui';
import type { BackgroundStatus } from '@/lib/jobs/status';
import { CLOCK_24H, formatInstant } from '@/lib/time/format';

const when = (value: Date | null, timeZone: string) =>
  value ? `${formatDate(value, timeZone)} ${formatInstant(value, timeZone, CLOCK_24H, 'en-GB')}` : 'Not yet';

/** Background work for this practice: last run, failures, email waiting. No client appears here. */
export function BackgroundStatusPanel({ status, timeZone }: { status: BackgroundStatus; timeZone: string }) {
  return (
    <div className="space-y-4" data-testid="background-status">
      <p className="text-sm text-slate-600">
        {status.mode === 'off'
          ? 'Background work is switched off on this server (MEND_JOBS=off).'
          : status.mode === 'worker'
            ? 'Background work runs in separate worker processes.'
            : 'Background work runs inside the Mend server.'}
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Background jobs</caption>
        <thead className="text-left text-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Job</th>
            <th scope="col" className="py-1 pr-4 font-medium">Last run</th>
            <th scope="col" className="py-1 pr-4 font-medium">Failures</th>
          </tr>
        </thead>
        <tbody>
          {status.jobs.map((job) => (
            <tr key={job.job} className="border-t border-slate-100">
              <th scope="row" className="py-2 pr-4 text-left font-normal">{job.label}</th>
              <td className="py-2 pr-4">{when(job.lastSucceededAt, timeZone)}</td>
              <td className="py-2 pr-4">
                {job.failuresInARow ? (
                  <Badge tone="danger">
                    Failing: {job.failuresInARow} in a row{job.lastError ? ` (${job.lastError})` : ''}
                  </Badge>
                ) : job.totalFailures ? (
                  `${job.totalFailures} in all, last ${when(job.lastFailedAt, timeZone)}`
                ) : (
                  'None'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Emails waiting to send</dt>
          <dd className="text-lg font-semibold">{status.email.waiting}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Emails that could not be sent</dt>
          <dd className="text-lg font-semibold">{status.email.failed}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Emails sent in the last 24 hours</dt>
          <dd className="text-lg font-semibold">{status.email.sentLastDay}</dd>
        </div>
      </dl>
    </div>
  );
}
