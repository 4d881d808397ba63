'use client';

import { type ComponentProps, lazy, Suspense } from 'react';

const LazyErrorNotice = lazy(() => import('./error-notice').then((m) => ({ default: m.ErrorNotice })));

/**
 * The error notice of a segment's error page, whose code loads only when a page fails: an error boundary is part
 * of every page's first load, and the notice (its retry, focus and reference handling) would otherwise sit in the
 * first load of every portal and clinic page that never fails. While its chunk arrives the page says that
 * something went wrong; a chunk that cannot arrive at all (offline) falls to the root's error page.
 */
export function DeferredErrorNotice(props: ComponentProps<typeof LazyErrorNotice>) {
  return (
    <Suspense fallback={<p className="mx-auto max-w-lg p-6 text-center text-slate-700">Something went wrong…</p>}>
      <LazyErrorNotice {...props} />
    </Suspense>
  );
}
