import { IntentLink } from './intent-link';
import { signOutAction } from '@/lib/auth/actions';
import { NavLinks, type NavItem } from './nav-links';
import { TabBar } from './tab-bar';

export function AppShell({
  title,
  nav,
  person,
  practice,
  children,
  narrow = false,
  tabBar = false,
}: {
  title: string;
  nav: NavItem[];
  person: string;
  practice: string;
  children: React.ReactNode;
  narrow?: boolean;
  /** On a phone, navigation moves to a tab bar at the bottom of the screen (the portal). */
  tabBar?: boolean;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header data-app-header className="border-b border-brand-800 bg-brand-700 text-white">
        <div
          className={`mx-auto flex flex-wrap items-center justify-between gap-3 px-4 py-3 ${narrow ? 'max-w-2xl' : 'max-w-6xl'}`}
        >
          <IntentLink href="/" className="text-lg font-semibold tracking-tight">
            Mend <span className="sr-only">{title}</span>
          </IntentLink>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-brand-100 sm:inline">
              {person} · {practice}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-brand-300/60 px-3 py-1.5 hover:bg-brand-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
        {tabBar ? (
          <TabBar items={nav} />
        ) : (
          <nav aria-label="Main" className={`mx-auto px-2 ${narrow ? 'max-w-2xl' : 'max-w-6xl'}`}>
            <NavLinks items={nav} />
          </nav>
        )}
      </header>
      <main
        id="main"
        className={`mx-auto px-4 py-6 ${narrow ? 'max-w-2xl' : 'max-w-6xl'} ${tabBar ? 'pb-[calc(5rem+env(safe-area-inset-bottom))] sm:pb-6' : ''}`}
      >
        {children}
      </main>
    </div>
  );
}
