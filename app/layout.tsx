import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Mend', template: '%s · Mend' },
  description: 'Measurement-based care and homework for therapy practices.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#137f73' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
