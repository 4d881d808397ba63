import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { eq, inArray, sql } from 'drizzle-orm';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { signInAction } from '../../lib/auth/actions';
import { attemptSignIn } from '../../lib/auth/credentials';
import { THROTTLE, THROTTLED_MESSAGE, clientAddress, clientAddressFrom, throttleKeys, trustedProxyHops } from '../../lib/auth/throttle';
import { PEER_ADDRESS_HEADER, installPeerAddressHeader, peerAddressTrusted } from '../../lib/security/peer-address';
import { runScoped } from '../../db/connection';
import { signInThrottle } from '../../db/schema';
import { openTestDatabase } from '../support/database';
import { contentSecurityPolicy, newNonce, securityHeaders } from '../../lib/security/headers';
import { Badge, Card, EmptyState, PageHeader } from '../../app/_components/ui';
import { requestHeaders } from './harness/auth-mock';
import { ROOT } from './harness/inventory';
import { expectPermissionDenied } from '../support/refusals';
import { TEST_PASSWORD, makePractice, owner } from '../support/factories';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

// As the server does at start-up (instrumentation-node.ts): the peer-address header is then trusted.
installPeerAddressHeader();

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe('sign-in throttling', () => {
  const place = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
  /** Lets a pause run out, as the clock would. */
  const expire = async (keys: string[]) => {
    await (await owner()).update(signInThrottle).set({ lockedUntil: sql`now() - interval '1 second'` }).where(inArray(signInThrottle.key, keys));
  };

  it('pauses one account at one address after a few failures, with the same answer for a known and an unknown email', async () => {
    const a = await makePractice();
    const unknown = `nobody-${a.id.slice(0, 8)}@test.example`;
    const address = place();
    for (const email of [a.therapist.email, unknown]) {
      for (let i = 0; i < THROTTLE.pairFailures; i += 1) {
        expect((await attemptSignIn({ email, password: 'wrong-password' }, { address })).status).toBe('invalid');
      }
      expect((await attemptSignIn({ email, password: 'wrong-password' }, { address })).status).toBe('throttled');
    }
    // Even the right password waits out the pause there; from anywhere else it works at once.
    expect((await attemptSignIn({ email: a.therapist.email, password: TEST_PASSWORD }, { address })).status).toBe('throttled');
    expect((await attemptSignIn({ email: a.therapist.email, password: TEST_PASSWORD }, { address: place() })).status).toBe('ok');
    await expire([throttleKeys(a.therapist.email, address).pair]);
    expect((await attemptSignIn({ email: a.therapist.email, password: TEST_PASSWORD }, { address })).status).toBe('ok');
  });

  it('someone guessing from many places slows the account down but never keeps its owner out', async () => {
    const a = await makePractice();
    const home = place();
    expect((await attemptSignIn({ email: a.admin.email, password: TEST_PASSWORD }, { address: home })).status).toBe('ok');
    // The attacker moves on before any one place is paused.
    let refused = 0;
    for (let i = 0; i < THROTTLE.accountFreeFailures + 6; i += 1) {
      const at = `198.18.${i}.${Math.floor(Math.random() * 250)}`;
      if ((await attemptSignIn({ email: a.admin.email, password: `guess-${i}` }, { address: at })).status === 'throttled') refused += 1;
      else await expire([throttleKeys(a.admin.email, null).account]);
    }
    // The account holds further guesses for a growing delay, never longer than the cap…
    await attemptSignIn({ email: a.admin.email, password: 'one-more-guess' }, { address: place() });
    const [account] = await (await owner()).select().from(signInThrottle).where(eq(signInThrottle.key, throttleKeys(a.admin.email, null).account));
    expect(account!.failures).toBeGreaterThan(THROTTLE.accountFreeFailures);
    const held = (account!.lockedUntil!.getTime() - Date.now()) / 1000;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(THROTTLE.accountMaxDelaySeconds + 1);
    expect((await attemptSignIn({ email: a.admin.email, password: 'and-another' }, { address: place() })).status).toBe('throttled');
    // …while the owner, where they have signed in before, gets straight in.
    expect((await attemptSignIn({ email: a.admin.email, password: TEST_PASSWORD }, { address: home })).status).toBe('ok');
    expect(refused).toBe(0);
  });

  it('pauses an address guessing across many accounts, even when it rotates forwarding headers', async () => {
    const a = await makePractice();
    // No trusted proxy: the socket's address counts, whatever X-Forwarded-For or X-Real-IP say.
    const socket = place();
    for (let i = 0; i < THROTTLE.addressFailures; i += 1) {
      const headers = new Headers({ [PEER_ADDRESS_HEADER]: socket, 'x-forwarded-for': `192.0.2.${i}`, 'x-real-ip': `192.0.2.${i}` });
      await attemptSignIn({ email: `guess-${i}-${a.id.slice(0, 8)}@test.example`, password: 'x' }, { address: clientAddress(headers) });
    }
    expect((await attemptSignIn({ email: a.admin.email, password: TEST_PASSWORD }, { address: socket })).status).toBe('throttled');
    expect((await attemptSignIn({ email: a.admin.email, password: TEST_PASSWORD }, { address: place() })).status).toBe('ok');
  });

  it('the application role can neither read nor change the counts, and nothing it can call lowers one', async () => {
    const a = await makePractice();
    const address = place();
    const keys = throttleKeys(a.therapist.email, address);
    for (let i = 0; i < THROTTLE.pairFailures; i += 1) await attemptSignIn({ email: a.therapist.email, password: 'wrong' }, { address });
    const handle = await openTestDatabase();
    for (const statement of [
      sql`select * from sign_in_throttle`,
      sql`delete from sign_in_throttle where key = ${keys.pair}`,
      sql`update sign_in_throttle set failures = 0, locked_until = null where key = ${keys.pair}`,
      sql`insert into sign_in_throttle (key, failures) values (${keys.pair}, 0) on conflict (key) do update set failures = 0`,
      sql`truncate sign_in_throttle`,
    ]) {
      await expectPermissionDenied(runScoped(handle.app, {}, (tx) => tx.execute(statement)), String(statement.queryChunks[0]));
    }
    await runScoped(handle.app, {}, (tx) => tx.execute(sql`select sign_in_succeeded(${keys.pair})`));
    const [row] = await (await owner()).select().from(signInThrottle).where(eq(signInThrottle.key, keys.pair));
    expect(row).toMatchObject({ failures: THROTTLE.pairFailures });
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await attemptSignIn({ email: a.therapist.email, password: TEST_PASSWORD }, { address })).status).toBe('throttled');
  });

  it('the sign-in form says so plainly', async () => {
    const a = await makePractice();
    requestHeaders.current = new Headers({ [PEER_ADDRESS_HEADER]: place() });
    let last = null;
    for (let i = 0; i <= THROTTLE.pairFailures; i += 1) {
      last = await signInAction(null, form({ email: a.clientA1.email, password: 'wrong-password' }));
    }
    expect(last).toMatchObject({ ok: false, formError: THROTTLED_MESSAGE, values: { email: a.clientA1.email } });
    expect(JSON.stringify(last)).not.toContain('wrong-password');
  });
});

describe('the client address', () => {
  it('is the socket peer unless proxies are trusted, then the address the outermost trusted one saw', () => {
    const spoofed = { forwardedFor: '1.1.1.1, 2.2.2.2', realIp: '3.3.3.3' };
    expect(clientAddressFrom({ peer: '198.51.100.7', ...spoofed, hops: 0 })).toBe('198.51.100.7');
    expect(clientAddressFrom({ peer: '10.0.0.2', ...spoofed, hops: 1 })).toBe('2.2.2.2');
    expect(clientAddressFrom({ peer: '10.0.0.2', ...spoofed, hops: 2 })).toBe('1.1.1.1');
    expect(clientAddressFrom({ peer: '10.0.0.2', ...spoofed, hops: 5 })).toBe('1.1.1.1');
    expect(clientAddressFrom({ peer: '10.0.0.2', forwardedFor: null, realIp: '3.3.3.3', hops: 1 })).toBe('3.3.3.3');
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ MEND_TRUSTED_PROXY_HOPS: '1' })).toBe(1);
    expect(trustedProxyHops({ MEND_TRUSTED_PROXY_HOPS: '-3' })).toBe(0);
    expect(trustedProxyHops({ MEND_TRUSTED_PROXY_HOPS: 'two' })).toBe(0);
  });

  it('the server stamps each request with its socket peer, replacing a header of that name sent by the client', async () => {
    installPeerAddressHeader();
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[PEER_ADDRESS_HEADER] as string | undefined);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: '203.0.113.99', 'x-forwarded-for': '203.0.113.98' } });
    } finally {
      server.close();
    }
    expect(seen).toEqual(['127.0.0.1']);
    expect(peerAddressTrusted()).toBe(true);
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

  it('the proxy reads the session cookie and never sets it: a response to a request in flight cannot put back an older session', async () => {
    // Auth.js's auth() wrapper put the cookie each request carried back on its response; a password-strength check
    // still in flight while the password changed wrote the ended session's cookie over the new one.
    const { default: proxy } = await import('../../proxy');
    const { authConfig } = await import('../../lib/auth/config');
    const { getAuthSecret } = await import('../../lib/auth/secret');
    const { encode } = await import('next-auth/jwt');
    const name = authConfig.cookies.sessionToken.name;
    const sealed = await encode({ token: { sub: randomUUID(), sessionId: randomUUID() }, secret: getAuthSecret(), salt: name });
    const run = (url: string, cookie?: string, method = 'GET') =>
      (proxy as unknown as (request: NextRequest, context: unknown) => Promise<Response>)(
        new NextRequest(url, { method, headers: cookie ? { cookie } : {} }),
        {},
      );
    for (const [url, method] of [['http://localhost/caseload', 'GET'], ['http://localhost/api/password-strength', 'POST'], ['http://localhost/login', 'GET']] as const) {
      const response = await run(url, `${name}=${sealed}`, method);
      expect(response.headers.get('location'), url).toBeNull();
      expect(response.headers.getSetCookie().filter((c) => c.startsWith(`${name}=`)), url).toEqual([]);
      expect(response.headers.get('cache-control'), url).toBe('no-store, max-age=0');
    }
    // A cookie this server did not seal, or none, is signed out.
    expect((await run('http://localhost/caseload', `${name}=${sealed.slice(0, -4)}AAAA`)).headers.get('location')).toBe('http://localhost/login');
    const forged = await encode({ token: { sub: randomUUID(), sessionId: randomUUID() }, secret: 'another-secret-another-secret-000000', salt: name });
    expect((await run('http://localhost/caseload', `${name}=${forged}`)).headers.get('location')).toBe('http://localhost/login');
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

describe('request bodies', () => {
  it('route handlers read a body only through readBodyWithin (a chunked body declares no length, and request.text() buffers it all)', async () => {
    const fs = await import('node:fs');
    const files = walkRoutes(fs, path.join(ROOT, 'app'));
    const unbounded = files.filter((file) =>
      /\b(request|req)\s*\.\s*(text|json|formData|arrayBuffer|blob|bytes)\s*\(|\bbody\s*\.\s*getReader\s*\(/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(files.length).toBeGreaterThan(5);
    expect(unbounded.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});

function walkRoutes(fs: typeof import('node:fs'), dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkRoutes(fs, full, out);
    else if (/^route\.(ts|js)$/.test(entry.name)) out.push(full);
  }
  return out;
}
