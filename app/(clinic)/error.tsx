'use client';

import Link from 'next/link';
import { DeferredErrorNotice } from '@/app/_components/error-notice-deferred';

/** A clinic page that failed: the navigation around it stays, with a way back to the caseload. */
export default function ClinicError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <DeferredErrorNotice error={error} retry={retry}>
      <p className="text-sm">
        <Link href="/caseload" className="text-brand-800 underline">
          Back to the caseload
        </Link>
      </p>
    </DeferredErrorNotice>
  );
}
