import Link from 'next/link';
import { Badge, BandBadge } from '@/app/_components/design';
import { IntentLink } from '@/app/_components/intent-link';
import type { ClientListItem } from '@/lib/clients/queries';
import type { RecordHeadline } from '@/lib/clients/record-headline';
import { formatLocalDay } from '@/lib/time/format';
import { type RecordSection, SECTION_LABELS, sectionHref } from './sections';

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

/**
 * The record's header, kept in view while the section below scrolls: who the client is, their status, each
 * measure's latest score in its band, how many alerts wait, and the sections as links that keep the URL.
 */
export function RecordHeader({
  client,
  headline,
  sections,
  section,
  actions,
}: {
  client: ClientListItem;
  headline: RecordHeadline | null;
  sections: readonly RecordSection[];
  section: RecordSection;
  actions?: React.ReactNode;
}) {
  return (
    <div data-testid="record-header" className="sticky top-0 z-20 -mx-4 mb-6 border-b border-slate-200 bg-white/95 px-4 pt-3 backdrop-blur">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{client.name}</h1>
          {client.pronouns ? <span className="text-sm text-slate-600">{client.pronouns}</span> : null}
          <Badge tone={client.status === 'active' ? 'brand' : 'neutral'}>{client.status}</Badge>
        </div>
        {actions}
      </div>
      {headline ? (
        <dl className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" aria-label="Latest scores and open alerts">
          {headline.scores.length === 0 ? (
            <div className="text-slate-700">
              <dt className="sr-only">Latest scores</dt>
              <dd>No measures completed yet</dd>
            </div>
          ) : (
            headline.scores.map((s) => (
              <div key={s.key} className="flex items-center gap-1.5" data-testid={`headline-${s.key}`}>
                <dt className="font-medium text-slate-800">{s.shortTitle}</dt>
                <dd className="flex items-center gap-1.5">
                  <span className="font-semibold text-slate-900">{formatScore(s.score)}</span>
                  {s.bandLabel ? <BandBadge bandId={s.bandId} label={s.bandLabel} /> : null}
                  <span className="text-xs text-slate-600">{formatLocalDay(s.day)}</span>
                </dd>
              </div>
            ))
          )}
          <div className="flex items-center gap-1.5" data-testid="headline-alerts">
            <dt className="sr-only">Open alerts</dt>
            <dd>
              {headline.openAlerts ? (
                <Link href={sectionHref(client.id, 'alerts')} className="font-medium text-red-800 underline underline-offset-2">
                  {headline.openAlerts} open {headline.openAlerts === 1 ? 'alert' : 'alerts'}
                  {headline.urgentAlerts ? ` (${headline.urgentAlerts} urgent)` : ''}
                </Link>
              ) : (
                <span className="text-slate-700">No open alerts</span>
              )}
            </dd>
          </div>
        </dl>
      ) : null}
      <nav aria-label="Record sections" className="relative -mb-px mt-2 flex gap-1 overflow-x-auto">
        {sections.map((s) => (
          <IntentLink
            key={s}
            href={sectionHref(client.id, s)}
            aria-current={s === section ? 'page' : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              s === section ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {SECTION_LABELS[s]}
            {s === 'alerts' && headline?.openAlerts ? (
              <span className="ml-1.5 rounded-full bg-red-100 px-1.5 text-xs text-red-800">
                {headline.openAlerts}
                <span className="sr-only"> open</span>
              </span>
            ) : null}
          </IntentLink>
        ))}
      </nav>
    </div>
  );
}
