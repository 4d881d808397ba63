'use client';

import { type ComponentProps, lazy, Suspense, useEffect } from 'react';

const loadCrisisPanel = () => import('./crisis-panel');
const LazyCrisisPanel = lazy(() => loadCrisisPanel().then((m) => ({ default: m.CrisisPanel })));

/**
 * The crisis panel for places that show it only after something happens: a portal page that failed,
 * homework whose answers raised an alert. It renders on the server like any component (an error page's
 * HTML already holds it), while its code comes in one chunk shared by those places instead of a copy in
 * each page's first load. Pages that may show it call `usePreloadCrisisPanel`, so the chunk is in the
 * browser before a send can ask for it.
 */
export function DeferredCrisisPanel(props: ComponentProps<typeof LazyCrisisPanel>) {
  return (
    <Suspense fallback={null}>
      <LazyCrisisPanel {...props} />
    </Suspense>
  );
}

export function usePreloadCrisisPanel(): void {
  useEffect(() => {
    void loadCrisisPanel();
  }, []);
}
