import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Mend', template: '%s · Mend' },
  description: 'Measurement-based care and homework for therapy practices.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#137f73' };

// Every page renders per request: the CSP nonce differs each time, and a page prerendered at build
// time would carry scripts without it (and be blocked).
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
