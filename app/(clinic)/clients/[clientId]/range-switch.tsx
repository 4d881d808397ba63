import Link from 'next/link';
import { OVERVIEW_RANGES, OVERVIEW_RANGE_LABELS, type OverviewRange } from '@/lib/measures/overview';
import { type RecordSection, sectionHref } from './sections';

/** The charts' time range, kept in the URL with the section it belongs to. */
export function RangeSwitch({ clientId, section, range }: { clientId: string; section: RecordSection; range: OverviewRange }) {
  return (
    <nav aria-label="Chart range" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {OVERVIEW_RANGES.map((r) => (
        <Link
          key={r}
          href={sectionHref(clientId, section, { range: r })}
          scroll={false}
          aria-current={r === range ? 'page' : undefined}
          className={`min-h-9 rounded-md px-3 py-1.5 text-sm font-medium ${
            r === range ? 'bg-white text-brand-800 shadow-sm' : 'text-slate-700 hover:bg-white/60'
          }`}
        >
          {OVERVIEW_RANGE_LABELS[r]}
        </Link>
      ))}
    </nav>
  );
}
