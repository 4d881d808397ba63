'use client';

import { IntentLink } from './intent-link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The longest matching entry wins, so /admin/people marks People and not also Overview at /admin.
  const activeHref = items
    .map((item) => item.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <ul className="relative flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const active = item.href === activeHref;
        return (
          <li key={item.href}>
            <IntentLink
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                active ? 'border-white text-white' : 'border-transparent text-brand-100 hover:text-white'
              }`}
            >
              {item.label}
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
