'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

type Props = Omit<React.ComponentProps<typeof Link>, 'prefetch' | 'href'> & { href: string };

/**
 * A link that prefetches its page when the person reaches for it (pointer over it, a finger on it, keyboard focus)
 * instead of when it scrolls into view. Navigation bars and section tabs are on screen on every page, so viewport
 * prefetching fetched and parsed every destination (two requests each) during each page's load: 12 requests on the
 * portal check-in, 18 on a client record, all competing with the page's own start-up on a phone's main thread and
 * each one a full request to the server. A touch starts the prefetch some 100 ms before the tap lands, a hover
 * longer, and a page already fetched is not fetched again.
 */
export function IntentLink({ href, onPointerEnter, onTouchStart, onFocus, ...props }: Props) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        prefetch();
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      {...props}
    />
  );
}
