import Link from 'next/link';
import { buttonClass } from './design/button';
import { Skeleton } from './design/skeleton';
import { formatInstant, formatLocalDay } from '@/lib/time/format';

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function Card({ children, className = '', title }: { children: React.ReactNode; className?: string; title?: string }) {
  return (
    <section className={`rounded-card border border-slate-200 bg-white p-5 shadow-sm ${className}`} aria-label={title}>
      {title ? <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2> : null}
      {children}
    </section>
  );
}

type BadgeTone = 'neutral' | 'brand' | 'warn' | 'danger';

/**
 * A short label on a tinted pill. Its look is one rule per tone in app/globals.css (`.badge`, `.badge-<tone>`): the
 * same utilities spelled out on every badge were a tenth of the roster's HTML, which carries five or more a row.
 */
export function Badge({ children, tone = 'neutral' }: { children: React.ReactNode; tone?: BadgeTone }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      {action ? (
        <Link href={action.href} className={`mt-4 ${buttonClass()}`}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}

/** A page's loading state: the design system's skeleton (design/skeleton.tsx) under one spoken label. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return <Skeleton label={label} lines={2} className="p-2" />;
}

/** An instant as a date on the practice's calendar; a missing one as a dash. */
export function formatDate(value: Date | string | null | undefined, timeZone: string): string {
  return value ? formatInstant(value, timeZone) : '—';
}

/** A local calendar day ('YYYY-MM-DD', already in the practice's zone) as a date; a missing one as a dash. */
export function formatDay(day: string | null | undefined): string {
  return day ? formatLocalDay(day) : '—';
}
