'use client';

import { DeferredCrisisPanel } from '@/app/_components/crisis-panel-deferred';
import { DeferredErrorNotice } from '@/app/_components/error-notice-deferred';

/**
 * A portal page that failed. The crisis panel stays on screen whatever broke: a client may have come here
 * in exactly the moment they need it (docs/clinical.md §5.2). It does not take focus from the error's heading.
 */
export default function PortalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="space-y-4">
      <DeferredErrorNotice error={error} retry={retry} />
      <DeferredCrisisPanel focusOnShow={false} />
    </div>
  );
}
