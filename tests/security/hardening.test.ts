import path from 'node:path';
import { NextRequest } from 'next/server';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { signInAction } from '../../lib/auth/actions';
import { attemptSignIn } from '../../lib/auth/credentials';
import { THROTTLE, THROTTLED_MESSAGE, clientAddress } from '../../lib/auth/throttle';
import { contentSecurityPolicy, newNonce, securityHeaders } from '../../lib/security/headers';
import { Badge, Card, EmptyState, PageHeader } from '../../app/_components/ui';
import { requestHeaders } from './harness/auth-mock';
import { ROOT } from './harness/inventory';
import { TEST_PASSWORD, makePractice } from '../support/factories';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe('sign-in throttling', () => {
  it('pauses an account after repeated failures, with the same answer for a known and an unknown email', async () => {
    const a = await makePractice();
    const unknown = `nobody-${a.id.slice(0, 8)}@test.example`;
    for (const email of [a.therapist.email, unknown]) {
      for (let i = 0; i < THROTTLE.accountFailures; i += 1) {
        expect((await attemptSignIn({ email, password: 'wrong-password' })).status).toBe('invalid');
      }
      expect((await attemptSignIn({ email, password: 'wrong-password' })).status).toBe('throttled');
    }
    // Even the right password waits out the pause; after it, sign-in works and the count starts over.
    expect((await attemptSignIn({ email: a.therapist.email, password: TEST_PASSWORD })).status).toBe('throttled');
    const later = new Date(Date.now() + (THROTTLE.lockMinutes + 1) * 60_000);
    expect((await attemptSignIn({ email: a.therapist.email, password: TEST_PASSWORD }, { now: later })).status).toBe('ok');
  });

  it('pauses an address guessing across many accounts', async () => {
    const a = await makePractice();
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${a.id.slice(0, 4)}`;
    for (let i = 0; i < THROTTLE.addressFailures; i += 1) {
      await attemptSignIn({ email: `guess-${i}-${a.id.slice(0, 8)}@test.example`, password: 'x' }, { address });
    }
    expect((await attemptSignIn({ email: a.admin.email, password: TEST_PASSWORD }, { address })).status).toBe('throttled');
    expect((await attemptSignIn({ email: a.admin.email, password: TEST_PASSWORD }, { address: '192.0.2.1' })).status).toBe('ok');
  });

  it('the sign-in form says so plainly, and the address comes from the proxy headers', async () => {
    const a = await makePractice();
    requestHeaders.current = new Headers({ 'x-forwarded-for': '10.0.0.1, 198.51.100.99' });
    expect(clientAddress(requestHeaders.current)).toBe('198.51.100.99');
    let last = null;
    for (let i = 0; i <= THROTTLE.accountFailures; i += 1) {
      last = await signInAction(null, form({ email: a.clientA1.email, password: 'wrong-password' }));
    }
    expect(last).toMatchObject({ ok: false, formError: THROTTLED_MESSAGE, values: { email: a.clientA1.email } });
    expect(JSON.stringify(last)).not.toContain('wrong-password');
  });
});

describe('response headers and the session cookie', () => {
  it('a nonce-based CSP that forbids framing, and the other headers', () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = contentSecurityPolicy(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`object-src 'none'`);
    expect(csp).not.toContain('unsafe-eval');
    const prod = securityHeaders({ production: true, signedIn: true });
    expect(prod).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin', 'Cache-Control': 'no-store, max-age=0' });
    expect(prod['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ production: false, signedIn: false })['Strict-Transport-Security']).toBeUndefined();
  });

  it('the proxy puts them on real responses: a page, a redirect of the signed-out, and a refused URL', async () => {
    const { default: proxy } = await import('../../proxy');
    const run = (url: string) => (proxy as unknown as (request: NextRequest, context: unknown) => Promise<Response>)(new NextRequest(url), {});
    for (const url of ['http://localhost/login', 'http://localhost/caseload', 'http://localhost/caseload?q=%00']) {
      const response = await run(url);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, url).toBeTruthy();
      expect(csp, url).toContain(`frame-ancestors 'none'`);
      expect(csp, url).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
      if (response.status === 200) {
        // Next stamps its scripts with the nonce the page request carries: it must be the response's.
        expect(response.headers.get('x-middleware-request-x-nonce'), url).toBe(nonce);
        expect(response.headers.get('x-middleware-request-content-security-policy'), url).toBe(csp);
      }
    }
    expect((await run('http://localhost/login')).status).toBe(200);
    expect((await run('http://localhost/caseload')).headers.get('location')).toBe('http://localhost/login');
    expect((await run('http://localhost/caseload?q=%00')).status).toBe(400);
    expect((await run('http://localhost/%FF%FE')).status).toBe(400);
  });

  it('in production the session cookie is __Host-, Secure, HttpOnly and SameSite', async () => {
    vi.resetModules();
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('AUTH_SECRET', 'test-only-secret-test-only-secret-0000');
    try {
      const { authConfig } = await import('../../lib/auth/config');
      const cookie = authConfig.cookies.sessionToken;
      expect(cookie.name).toBe('__Host-mend.session');
      expect(cookie.options).toMatchObject({ httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
      expect('domain' in cookie.options).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe('text renders as text', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';

  it('the shared display components escape what users write', () => {
    const html = renderToStaticMarkup(
      createElement('div', null,
        createElement(PageHeader, { title: evil, description: evil }),
        createElement(Card, { title: evil } as Parameters<typeof Card>[0], evil),
        createElement(Badge, {} as Parameters<typeof Badge>[0], evil),
        createElement(EmptyState, { title: evil }, evil),
      ),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('raw HTML is a lint error (react/no-danger and the DOM sinks), so nothing in app/ or lib/ can inject it', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: ROOT });
    const samples = {
      'app/_lint-probe.tsx': 'export function P({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n',
      'lib/_lint-probe.ts': 'export function p(el: HTMLElement, html: string) {\n  el.innerHTML = html;\n  el.insertAdjacentHTML("beforeend", html);\n}\n',
    };
    const rules: string[] = [];
    for (const [filePath, code] of Object.entries(samples)) {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
      rules.push(...result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse error'));
    }
    expect(rules.sort()).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'react/no-danger']);
  });
});
