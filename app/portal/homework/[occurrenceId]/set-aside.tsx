'use client';

import { type ComponentProps, lazy, Suspense } from 'react';

const LazySetAsideForm = lazy(() => import('./set-aside-form').then((m) => ({ default: m.SetAsideForm })));

/**
 * Setting an item aside is the page's second, folded-away choice: its form renders on the server as
 * usual, and its code loads after the exercise's instead of with it (the page's first-load budget is for
 * doing the homework).
 */
export function SetAsideForm(props: ComponentProps<typeof LazySetAsideForm>) {
  return (
    <Suspense fallback={null}>
      <LazySetAsideForm {...props} />
    </Suspense>
  );
}
