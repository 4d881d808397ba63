import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { TEST_FAULT_COOKIE, failRootLayoutOnPurpose } from '@/lib/runtime/test-faults';
import { THEME_COOKIE, parseTheme, themeAttribute } from '@/lib/ui/theme';
import './globals.css';
import './theme.css';

export const metadata: Metadata = {
  title: { default: 'Mend', template: '%s · Mend' },
  description: 'Measurement-based care and homework for therapy practices.',
  applicationName: 'Mend',
  appleWebApp: { capable: true, title: 'Mend', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#0f665d' },
    { media: '(prefers-color-scheme: dark)', color: '#0b2b28' },
  ],
};

// Every page renders per request: the CSP nonce differs each time, and a page prerendered at build
// time would carry scripts without it (and be blocked).
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is set on the server, so the first paint is already in it (no flash, no inline script).
  const jar = await cookies();
  failRootLayoutOnPurpose(jar.get(TEST_FAULT_COOKIE)?.value);
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
