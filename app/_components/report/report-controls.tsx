import Link from 'next/link';
import { EXPORT_FILES, EXPORT_FILE_LABELS } from '@/lib/reports/csv-files';
import type { ParsedPeriod } from '@/lib/reports/period';
import { PrintButton } from './print-button';
import { buttonClass } from '@/app/_components/design/button';
import { compactInputClass } from '@/app/_components/design/input-class';

function DayField({
  name,
  label,
  value,
  error,
}: {
  name: 'from' | 'to';
  label: string;
  value: string;
  error?: string;
}) {
  const errorId = `report-${name}-error`;
  return (
    <div>
      <label htmlFor={`report-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={`report-${name}`}
        name={name}
        type="date"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`${compactInputClass} mt-1`}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The screen-only part of the report page: the period (a GET form: dates are not health information), printing,
 * and the client's data files. None of it reaches paper.
 */
export function ReportControls({
  action,
  parsed,
  exportHref,
  fhirHref,
  back,
}: {
  action: string;
  parsed: ParsedPeriod;
  /** Builds a CSV file's address. */
  exportHref: (file: (typeof EXPORT_FILES)[number]) => string;
  fhirHref?: string;
  back: { href: string; label: string };
}) {
  return (
    <div className="mb-6 space-y-4 print:hidden" data-print-hidden>
      <Link href={back.href} className="text-sm font-medium text-brand-800 underline">
        ← {back.label}
      </Link>
      <form
        action={action}
        method="get"
        className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <DayField name="from" label="From" value={parsed.values.from} error={parsed.errors.from} />
        <DayField name="to" label="To" value={parsed.values.to} error={parsed.errors.to} />
        <button
          type="submit"
          className={buttonClass('secondary')}
        >
          Show period
        </button>
        <div className="ml-auto">
          <PrintButton />
        </div>
      </form>
      <nav aria-label="Data files" className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <h2 className="font-medium text-slate-900">Download the data</h2>
        <p className="mt-1 text-slate-600">
          All of the record, not only this period. CSV files open in any spreadsheet.
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {EXPORT_FILES.map((file) => (
            <li key={file}>
              <a href={exportHref(file)} download className="font-medium text-brand-800 underline">
                {EXPORT_FILE_LABELS[file]} (CSV)
              </a>
            </li>
          ))}
          {fhirHref ? (
            <li>
              <a href={fhirHref} download className="font-medium text-brand-800 underline">
                Measures as FHIR R4 (JSON)
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </div>
  );
}
