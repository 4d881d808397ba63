/** Placeholder shapes while a page loads: hidden from screen readers, which hear the one label instead. */
export function Skeleton({ lines = 3, label = 'Loading…', className = '' }: { lines?: number; label?: string; className?: string }) {
  const widths = ['w-2/3', 'w-1/2', 'w-5/6', 'w-1/3'];
  return (
    <div role="status" aria-live="polite" className={`animate-pulse space-y-3 ${className}`}>
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="h-6 w-1/3 rounded bg-slate-200" />
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} aria-hidden="true" className={`h-4 rounded bg-slate-200 ${widths[i % widths.length]}`} />
      ))}
    </div>
  );
}

/** A card-shaped placeholder, for lists of cards (homework, alerts). */
export function SkeletonCard() {
  return (
    <div aria-hidden="true" className="animate-pulse rounded-xl border border-slate-200 bg-white p-5">
      <div className="h-5 w-1/3 rounded bg-slate-200" />
      <div className="mt-3 h-4 w-2/3 rounded bg-slate-200" />
    </div>
  );
}
