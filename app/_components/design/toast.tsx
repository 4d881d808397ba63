'use client';

import { useEffect, useState } from 'react';

/**
 * A short confirmation that does not move focus: announced politely by screen readers, shown above the
 * portal's tab bar on a phone, and gone after a while (or when closed). A new `message` shows again.
 */
export function Toast({
  message,
  tone = 'brand',
  seconds = 6,
  stamp = 0,
}: {
  message: string | null;
  tone?: 'brand' | 'danger';
  seconds?: number;
  /** Changes when the same message should show again (the same step done twice). */
  stamp?: number;
}) {
  const [shown, setShown] = useState<string | null>(message);
  const [seen, setSeen] = useState<string>(`${stamp}:${message}`);
  if (`${stamp}:${message}` !== seen) {
    setSeen(`${stamp}:${message}`);
    setShown(message);
  }
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), seconds * 1000);
    return () => clearTimeout(timer);
  }, [shown, seconds]);
  const colours = tone === 'danger' ? 'border-red-200 bg-red-50 text-red-900' : 'border-brand-200 bg-brand-50 text-brand-900';
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-50 flex justify-center px-4 sm:bottom-6">
      {shown ? (
        <div className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-xl border px-4 py-3 text-sm shadow-lg ${colours}`} data-testid="toast">
          <p>{shown}</p>
          <button type="button" onClick={() => setShown(null)} className="-my-1 min-h-9 rounded px-2 font-semibold underline" aria-label="Dismiss">
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
