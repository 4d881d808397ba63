'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * A portal page the browser brings back from its back-forward cache shows what it showed when it was left,
 * which may be a form already sent since. Re-read the server's version whenever that happens, so a sent
 * item always shows as sent. (Signed-in pages are sent with Cache-Control: no-store as well.)
 */
export function FreshOnReturn() {
  const router = useRouter();
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) router.refresh();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [router]);
  return null;
}
