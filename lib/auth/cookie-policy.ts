/**
 * Whether the app's cookies are Secure (and, for those that may, __Host- prefixed): in production, unless
 * MEND_INSECURE_COOKIES=1 (a local production build served over plain http).
 */
export const secureCookies = process.env.NODE_ENV === 'production' && process.env.MEND_INSECURE_COOKIES !== '1';
