import type { MetadataRoute } from 'next';

// Lets a client add the portal to their phone's home screen: it opens full-screen on their homework and check-in.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Mend',
    short_name: 'Mend',
    description: 'Your check-ins, homework and progress between sessions.',
    id: '/portal',
    start_url: '/portal',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#f8fafc',
    theme_color: '#0f665d',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
