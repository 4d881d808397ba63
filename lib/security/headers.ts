/**
 * Response headers for every page (set in proxy.ts). Pure: no Next, no I/O, so it is unit-tested
 * and usable from the proxy's runtime.
 */

/** A fresh, unguessable nonce per request (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's nonced loader pull in
 * its chunks). Next reads the nonce from this header on the request and stamps it on its scripts.
 * style-src keeps 'unsafe-inline': React and recharts write `style` attributes (chart sizing,
 * tooltips) that a nonce cannot cover; injected styles cannot run script, and script-src stays strict.
 * 'unsafe-eval' only in development, where React uses eval for its debugging stacks.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    // The portal's service worker (Web Push) is a same-origin script that strict-dynamic would otherwise refuse.
    `worker-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function securityHeaders(options: { production: boolean; signedIn: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // Browsers remember HSTS for the whole host: only where the site is really served over HTTPS.
  if (options.production) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  // Pages of a signed-in person carry client data: never kept by the browser or a shared cache.
  if (options.signedIn) headers['Cache-Control'] = 'no-store, max-age=0';
  return headers;
}
