'use client';

import { IntentLink } from './intent-link';
import { usePathname } from 'next/navigation';
import type { NavItem } from './nav-links';

/** Outline icons (24×24, stroke) for the portal's destinations; decorative, the label names the link. */
const ICONS: Record<string, React.ReactNode> = {
  '/portal': <path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5" />,
  '/portal/check-in': <path d="M12 20s-7-4.3-7-9.5A4 4 0 0 1 12 8a4 4 0 0 1 7 2.5C19 15.7 12 20 12 20Z" />,
  '/portal/homework': <path d="M9 4h6v3H9zM7 5.5H5V21h14V5.5h-2M8.5 12.5l2 2 4-4" />,
  '/portal/history': <path d="M12 7v5l3 2M3.5 12a8.5 8.5 0 1 0 2.5-6M3.5 4v4h4" />,
  '/portal/progress': <path d="M4 20V4M4 20h16M8 16l3.5-4 3 2.5L20 8" />,
  '/portal/account': <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4.5 20.5a7.5 7.5 0 0 1 15 0" />,
};

/** Labels short enough for six tabs side by side on a 360-px phone. */
const SHORT_LABELS: Record<string, string> = { '/portal/progress': 'Progress' };

/**
 * The portal's navigation. On a phone it is a tab bar fixed to the bottom of the screen, every destination visible
 * and within reach of a thumb; from tablet width up the same links sit in the header. One nav element for both,
 * so assistive technology meets it in the same place.
 */
export function TabBar({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const activeHref = items
    .map((item) => item.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] sm:static sm:mx-auto sm:max-w-2xl sm:border-0 sm:bg-transparent sm:px-2 sm:pb-0"
    >
      <ul className="grid grid-flow-col auto-cols-fr sm:flex sm:gap-1">
        {items.map((item) => {
          const active = item.href === activeHref;
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={active ? 'page' : undefined}
                // The full name for assistive technology; the visible short label is part of it.
                aria-label={item.label}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 px-0 text-[11px] font-medium leading-tight tracking-tight sm:block sm:min-h-0 sm:whitespace-nowrap sm:border-b-2 sm:px-3 sm:tracking-normal sm:py-2 sm:text-sm ${
                  active
                    ? 'text-brand-700 sm:border-white sm:text-white'
                    : 'text-slate-600 sm:border-transparent sm:text-brand-100 sm:hover:text-white'
                }`}
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  className="h-6 w-6 sm:hidden"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={active ? 2.2 : 1.7}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                >
                  {ICONS[item.href] ?? <circle cx="12" cy="12" r="4" />}
                </svg>
                <span className="max-w-full truncate sm:hidden">{SHORT_LABELS[item.href] ?? item.label}</span>
                <span className="hidden sm:inline">{item.label}</span>
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
