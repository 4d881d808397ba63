// Lighthouse (mobile profile, the system Chromium) on the production build: /login, the portal check-in, the
// therapist roster and a client overview, signed in where the page needs it. Not part of CI.
//
//   npm run build && npm run lighthouse [-- --runs 5] [--page login --page check-in] [--save dir] [--top 6] [--cpu 5]
//
// Starts `next start` on LIGHTHOUSE_PORT (default 3408) over a fresh embedded database with the demo practices, signs
// in the demo therapist and client through the real sign-in, and prints each page's scores (the median of the runs).
//
// On a shared machine one run says little: the mobile profile simulates a CPU 4× slower than the one measured, so
// whatever else runs multiplies into total blocking time, which is what moves the score. Runs are interleaved
// (page 1, 2, 3, 4, then again) so a busy minute falls on every page, not on one; each metric is the median of its
// runs; the load average is printed beside them; and under each page its main-thread time by script (Lighthouse's
// bootup-time audit, medians over the runs) and by kind of work, which stay readable when the score does not.
// `--cpu N` adds the page's main-thread CPU time at load from N Chrome traces (scripts/main-thread.mjs): thread time,
// which a busy neighbour does not stretch, so a before/after comparison holds on this machine.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';
import { mainThreadCpu } from './main-thread.mjs';

requireSupportedNode();

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    page: { type: 'string', multiple: true, default: [] },
    save: { type: 'string' },
    top: { type: 'string', default: '6' },
    cpu: { type: 'string', default: '0' },
  },
});
const RUNS = Math.max(0, Number(values.runs)); // 0 with --cpu: the traces alone
const TOP = Math.max(0, Number(values.top));
const CPU_RUNS = Math.max(0, Number(values.cpu));
if (values.save) fs.mkdirSync(values.save, { recursive: true });
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3408);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'mend-demo-password';
const TARGETS = { performance: 90, accessibility: 100 };
const STRICTER = { '/login': 95, '/portal/check-in': 95 };

if (!fs.existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-lighthouse-'));
const env = { ...process.env, NODE_ENV: 'production', MEND_DEMO: '1', MEND_DATA_DIR: dataDir, MEND_INSECURE_COOKIES: '1', NEXT_TELEMETRY_DISABLED: '1' };
env.AUTH_SECRET ??= 'lighthouse-only-secret-not-for-production-use-000';
delete env.DATABASE_URL;
delete env.APP_DATABASE_URL;
const server = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverOutput = '';
server.stdout.on('data', (c) => (serverOutput += c));
server.stderr.on('data', (c) => (serverOutput += c));

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`The server stopped:\n${serverOutput}`);
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer within two minutes:\n${serverOutput}`);
}

async function signIn(email) {
  const jar = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: '/' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('mend.session'))) throw new Error(`Sign-in failed for ${email}.`);
  return header();
}

const shortUrl = (u) => {
  try {
    const { pathname } = new URL(u);
    return pathname.replace(/^\/_next\/static\//, '').replace(/^chunks\//, '') || u;
  } catch {
    return u; // "Other", "Unattributable"
  }
};

function lighthouse(url, cookie, saveAs) {
  const headersFile = path.join(dataDir, 'headers.json');
  fs.writeFileSync(headersFile, JSON.stringify(cookie ? { Cookie: cookie } : {}));
  const out = execFileSync(
    path.join('node_modules', '.bin', 'lighthouse'),
    [
      url,
      `--chrome-path=${CHROMIUM}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      '--only-categories=performance,accessibility,best-practices',
      `--extra-headers=${headersFile}`,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
    ],
    { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: CHROMIUM } },
  );
  if (saveAs) fs.writeFileSync(saveAs, out);
  const report = JSON.parse(out.toString('utf8'));
  const items = (k) => report.audits[k]?.details?.items ?? [];
  const score = (k) => Math.round((report.categories[k]?.score ?? 0) * 100);
  const audit = (k) => report.audits[k]?.numericValue;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: Math.round(audit('largest-contentful-paint') ?? 0),
    tbtMs: Math.round(audit('total-blocking-time') ?? 0),
    cls: Number((audit('cumulative-layout-shift') ?? 0).toFixed(3)),
    longTasks: items('long-tasks').length,
    // Lighthouse's own measure of how fast this machine was during the run (a quiet desktop is ~1500-2000): the
    // simulated 4× slowdown multiplies whatever the machine lost to its other work.
    benchmark: Math.round(report.environment?.benchmarkIndex ?? 0),
    // Main-thread milliseconds per script (evaluation + parse/compile), as the mobile profile simulates them.
    scripts: Object.fromEntries(items('bootup-time').map((i) => [shortUrl(i.url), { total: i.total, scripting: i.scripting, parse: i.scriptParseCompile }])),
    work: Object.fromEntries(items('mainthread-work-breakdown').map((i) => [i.groupLabel ?? i.group, i.duration])),
  };
}

const loadAverage = () => os.loadavg()[0].toFixed(1);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await waitForServer();
  const therapist = await signIn('dana@northside.example');
  const client = await signIn('alex.rivera@clients.northside.example');
  const roster = await (await fetch(`${BASE}/caseload`, { headers: { cookie: therapist } })).text();
  const clientPath = /href="(\/clients\/[0-9a-f-]{36})"/.exec(roster)?.[1];
  if (!clientPath) throw new Error('No client link on the roster.');
  const allPages = [
    ['/login', null],
    ['/portal/check-in', client],
    ['/caseload', therapist],
    [clientPath, therapist],
  ];
  const labelOf = (page) => (page.startsWith('/clients/') ? '/clients/[clientId]' : page);
  const pages = values.page.length ? allPages.filter(([p]) => values.page.some((w) => labelOf(p).includes(w))) : allPages;
  if (!pages.length) throw new Error(`No page matches ${values.page.join(', ')}.`);
  const runsOf = new Map(pages.map(([p]) => [p, []]));
  const loads = [loadAverage()];
  // Interleaved: every page once per round, so the machine's busy spells spread over all of them.
  for (let i = 0; i < RUNS; i++) {
    for (const [page, cookie] of pages) {
      const saveAs = values.save ? path.join(values.save, `${labelOf(page).replace(/\W+/g, '_').replace(/^_/, '')}-${i + 1}.json`) : undefined;
      runsOf.get(page).push(lighthouse(`${BASE}${page}`, cookie, saveAs));
    }
    loads.push(loadAverage());
  }
  const failures = [];
  console.log(`${RUNS} run(s) per page, medians; 1-minute load average over the runs: ${loads.join(' → ')} (${os.cpus().length} CPUs)\n`);
  const medianOf = (objs) => {
    const keys = [...new Set(objs.flatMap((o) => Object.keys(o)))];
    return Object.fromEntries(keys.map((k) => [k, median(objs.map((o) => o[k] ?? 0))]));
  };
  for (const [page] of RUNS ? pages : []) {
    const runs = runsOf.get(page);
    const numeric = ['performance', 'accessibility', 'bestPractices', 'lcpMs', 'tbtMs', 'cls', 'longTasks', 'benchmark'];
    const r = Object.fromEntries(numeric.map((k) => [k, median(runs.map((x) => x[k]))]));
    const label = labelOf(page);
    console.log('page                                          perf  a11y  best   LCP ms  TBT ms    CLS  long tasks  machine');
    console.log(
      `${label.padEnd(44)} ${String(r.performance).padStart(5)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(5)} ${String(r.lcpMs).padStart(8)} ${String(r.tbtMs).padStart(7)} ${String(r.cls).padStart(6)} ${String(r.longTasks).padStart(11)} ${String(r.benchmark).padStart(8)}`,
    );
    if (RUNS > 1) console.log(`  runs: performance ${runs.map((x) => x.performance).join(' ')}, TBT ${runs.map((x) => x.tbtMs).join(' ')} ms`);
    if (TOP) {
      const scripts = Object.keys(Object.assign({}, ...runs.map((x) => x.scripts)));
      const perScript = scripts
        .map((s) => ({ s, ...medianOf(runs.map((x) => x.scripts[s] ?? { total: 0, scripting: 0, parse: 0 })) }))
        .sort((a, b) => b.total - a.total)
        .slice(0, TOP);
      console.log('  main thread by script (ms, mobile CPU): total = scripting + parse/compile');
      for (const x of perScript) console.log(`    ${String(Math.round(x.total)).padStart(6)} = ${String(Math.round(x.scripting)).padStart(5)} + ${String(Math.round(x.parse)).padStart(4)}  ${x.s}`);
      const work = Object.entries(medianOf(runs.map((x) => x.work))).sort((a, b) => b[1] - a[1]);
      console.log(`  main thread by kind: ${work.map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}\n`);
    }
    const perfTarget = STRICTER[label] ?? TARGETS.performance;
    if (r.performance < perfTarget) failures.push(`${label}: performance ${r.performance} < ${perfTarget}`);
    if (r.accessibility < TARGETS.accessibility) failures.push(`${label}: accessibility ${r.accessibility} < 100`);
  }
  if (CPU_RUNS) {
    const cpu = await mainThreadCpu(pages.map(([page, cookie]) => [labelOf(page), `${BASE}${page}`, cookie]), CPU_RUNS, CHROMIUM);
    console.log(`main-thread CPU at load, unthrottled thread time, median of ${CPU_RUNS} (ms): total, script, style+layout, tasks over 50 ms, longest task`);
    for (const [label, c] of Object.entries(cpu)) {
      console.log(`  ${label.padEnd(28)} ${[c.total, c.script, c.style].map((v) => String(Math.round(v)).padStart(6)).join(' ')} ${String(c.longTasks).padStart(4)} ${String(Math.round(c.longest)).padStart(6)}`);
    }
  }
  if (RUNS) {
    console.log(failures.length ? `\nbelow target:\n  ${failures.join('\n  ')}` : '\nevery page meets its target.');
    process.exitCode = failures.length ? 1 : 0;
  }
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
