// The page benchmark (tests/bench/README.md): builds the app, starts the production server on the scale
// database (`npm run seed:scale` first), and drives it with autocannon. Not part of `npm test`.
//
//   npm run bench -- [--rounds 5] [--seconds 3] [--connections 2] [--writers 50] [--write-seconds 10] [--no-build]
//
// Targets are interleaved round by round, so a slow minute on a shared machine hits every target alike. Each
// page's SQL is counted on the wire by a proxy between the server and Postgres (statement-counter.ts).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';
import { type StatementCounts, diffCounts, startStatementCounter } from '../tests/bench/statement-counter';
import { explainRoster } from '../tests/bench/explain';
import { residentMemoryMb } from '../tests/bench/memory';
import { SCALE_PASSWORD, scaleEmail } from '../tests/bench/scale-data';

requireSupportedNode();

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '2' },
    writers: { type: 'string', default: '50' },
    'write-seconds': { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(args.rounds);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const WRITERS = Number(args.writers);
const WRITE_SECONDS = Number(args['write-seconds']);
const PORT = Number(process.env.BENCH_PORT ?? 3308);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_URL = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mend_scale';

type Session = { cookie: string };
type Target = { name: string; path: string; as: 'therapist' | 'admin' | 'client'; floor?: boolean };
type Summary = {
  target: string;
  path: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  ratioToFloor: number | null;
  sql: (StatementCounts & { perRequest: number }) | null;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);

// ---- the server ---------------------------------------------------------------------------------------

async function startServer(proxyPort: number) {
  const owner = new URL(DB_URL);
  owner.port = String(proxyPort);
  owner.hostname = '127.0.0.1';
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: owner.toString(),
    AUTH_SECRET: 'bench-only-secret-not-for-production-use-0000000',
    MEND_INSECURE_COOKIES: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  } as NodeJS.ProcessEnv;
  delete env.APP_DATABASE_URL;
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
    try {
      if ((await fetch(`${BASE}/login`)).ok) return { child, output: () => output };
    } catch {
      /* not yet listening */
    }
    await sleep(500);
  }
  child.kill('SIGTERM');
  throw new Error(`The server did not answer within a minute:\n${output}`);
}

// ---- sessions: the real sign-in ------------------------------------------------------------------------

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn(email: string): Promise<Session> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: SCALE_PASSWORD, callbackUrl: '/' }),
  });
  cookiesOf(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith('mend.session'))) throw new Error(`Sign-in failed for ${email} (${res.status}).`);
  return { cookie: cookieHeader(jar) };
}

// ---- load ---------------------------------------------------------------------------------------------

/** One autocannon run, reporting each response's status and time as it comes. */
function run(opts: autocannon.Options, onResponse: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

async function drive(target: Target, session: Session, seconds: number, connections: number) {
  const latencies: number[] = [];
  let errors = 0;
  const result = await run({ url: `${BASE}${target.path}`, connections, duration: seconds, headers: { cookie: session.cookie } }, (status, ms) => {
    if (status === 200) latencies.push(ms);
    else errors++;
  });
  return { latencies, errors: errors + result.errors + result.timeouts, seconds: result.duration };
}

async function countStatements(
  counter: Awaited<ReturnType<typeof startStatementCounter>>,
  target: Target,
  session: Session,
): Promise<StatementCounts & { perRequest: number }> {
  const n = 5;
  await sleep(200); // let background work of earlier requests settle
  const before = counter.snapshot();
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${BASE}${target.path}`, { headers: { cookie: session.cookie }, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`${target.path} answered ${res.status} for ${target.as}`);
    await res.arrayBuffer();
  }
  await sleep(200);
  const d = diffCounts(counter.snapshot(), before);
  const per = (k: keyof StatementCounts) => Math.round((d[k] / n) * 10) / 10;
  return {
    statements: per('statements'),
    transactions: per('transactions'),
    work: per('work'),
    inserts: per('inserts'),
    updates: per('updates'),
    deletes: per('deletes'),
    perRequest: per('statements'),
  };
}

// ---- check-in writes through the real server action -----------------------------------------------------

function checkinActionId(): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === 'submitCheckin' || Object.keys(entry.workers).some((w) => w.includes('portal/check-in') && entry.filename?.includes('checkins/actions'))) {
      if (entry.exportedName === undefined || entry.exportedName === 'submitCheckin') return id;
    }
  }
  throw new Error('No submitCheckin action in the build manifest.');
}

/**
 * The body the browser sends for `action(previousState, formData)` from useActionState: React's encodeReply
 * (react-server-dom-webpack, as compiled into Next) puts the form's fields under the prefix "_1_" and the
 * argument list in part "0", the form data referenced as "$K1".
 */
function checkinBody(boundary: string, mood: number): string {
  const fields: [string, string][] = [
    ['_1_mood', String(mood)],
    ['_1_distress', '30'],
    ['_1_window', 'within'],
    ['_1_note', 'bench'],
    ['0', '[null,"$K1"]'],
  ];
  return fields.map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
}

async function todaysRevisions(sql: postgres.Sql): Promise<number> {
  const [row] = await sql`
    select coalesce(sum(ci.revision), 0)::int as n from checkins ci join clients c on c.practice_id = ci.practice_id and c.id = ci.client_id
    where c.user_id is not null and ci.local_day = (now() at time zone 'America/New_York')::date`;
  return row!.n as number;
}

async function driveWrites(clients: Session[], actionId: string) {
  const boundary = '----mendbench';
  let next = 0;
  let acknowledged = 0;
  let refused = 0;
  const latencies: number[] = [];
  // A fixed number of submits (about WRITE_SECONDS at the last measured rate), not a duration: autocannon
  // abandons the requests in flight when a duration runs out, and the server may still store them, so the
  // "stored exactly once" check would count submits nobody heard the answer to.
  const result = await run({
    url: `${BASE}/portal/check-in`,
    connections: WRITERS,
    amount: WRITERS * WRITE_SECONDS * 2,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: {
            cookie: clients[next++ % clients.length]!.cookie,
            'next-action': actionId,
            accept: 'text/x-component',
            origin: BASE,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          body: checkinBody(boundary, next % 11),
        }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"ok":true')) acknowledged++;
          else refused++;
        },
      },
    ],
  }, (_status, ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  return { sent: next, acknowledged, refused, p50: Math.round(pct(latencies, 0.5)), p99: Math.round(pct(latencies, 0.99)), rps: latencies.length / result.duration, errors: result.errors + result.timeouts };
}

// ---- main ---------------------------------------------------------------------------------------------

async function main() {
  const owner = postgres(DB_URL, { max: 2, onnotice: () => {} });
  const [practice] = await owner`select id from practices where name = 'Scale Practice'`.catch(() => []);
  if (!practice) throw new Error(`No scale practice in ${new URL(DB_URL).pathname.slice(1)}: run \`npm run seed:scale\` first.`);
  const [aClient] = await owner`
    select c.id from clients c join care_team ct on ct.practice_id = c.practice_id and ct.client_id = c.id
    join memberships m on m.practice_id = ct.practice_id and m.id = ct.membership_id join users u on u.id = m.user_id
    where u.email = ${scaleEmail.therapist('scale', 1)} order by c.last_name limit 1`;
  const loginClients = (await owner`select u.email from clients c join users u on u.id = c.user_id order by u.email`).map((r) => String(r.email));

  if (!args['no-build']) {
    console.log('bench: building (next build)…');
    execFileSync(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  const dbPort = Number(new URL(DB_URL).port || 5432);
  const counter = await startStatementCounter({ host: new URL(DB_URL).hostname, port: dbPort });
  const server = await startServer(counter.port);
  const machine = { cpus: (await import('node:os')).cpus().length, cpu: (await import('node:os')).cpus()[0]?.model, memoryGb: Math.round((await import('node:os')).totalmem() / 2 ** 30), node: process.version };
  try {
    const sessions = {
      therapist: await signIn(scaleEmail.therapist('scale', 1)),
      admin: await signIn(scaleEmail.admin('scale')),
      client: await signIn(loginClients[0]!),
    };
    const targets: Target[] = [
      { name: 'floor: /account (therapist)', path: '/account', as: 'therapist', floor: true },
      { name: 'therapist roster', path: '/caseload', as: 'therapist' },
      { name: 'therapist roster, PHQ-9 desc, any alert', path: '/caseload?alert=any&sort=phq9&dir=desc', as: 'therapist' },
      { name: 'admin roster (all clients)', path: '/caseload', as: 'admin' },
      { name: 'client overview', path: `/clients/${aClient!.id}`, as: 'therapist' },
      { name: 'alerts', path: '/alerts', as: 'therapist' },
      { name: 'portal floor: /portal/account', path: '/portal/account', as: 'client', floor: true },
      { name: 'portal home', path: '/portal', as: 'client' },
      { name: 'portal check-in page', path: '/portal/check-in', as: 'client' },
    ];

    console.log('bench: warming up…');
    for (const t of targets) for (let i = 0; i < 15; i++) await (await fetch(`${BASE}${t.path}`, { headers: { cookie: sessions[t.as].cookie } })).arrayBuffer();

    const samples = new Map<string, { latencies: number[]; errors: number; seconds: number }>();
    for (let round = 1; round <= ROUNDS; round++) {
      process.stdout.write(`bench: round ${round}/${ROUNDS}\r`);
      for (const t of targets) {
        const r = await drive(t, sessions[t.as], SECONDS, CONNECTIONS);
        const s = samples.get(t.name) ?? { latencies: [], errors: 0, seconds: 0 };
        s.latencies.push(...r.latencies);
        s.errors += r.errors;
        s.seconds += r.seconds;
        samples.set(t.name, s);
      }
    }
    console.log('');

    const sqlCounts = new Map<string, StatementCounts & { perRequest: number }>();
    for (const t of targets) sqlCounts.set(t.name, await countStatements(counter, t, sessions[t.as]));

    const floors = { clinic: targets[0]!, portal: targets.find((t) => t.path === '/portal/account')! };
    const p50Of = (name: string) => pct([...samples.get(name)!.latencies].sort((a, b) => a - b), 0.5);
    const summaries: Summary[] = targets.map((t) => {
      const s = samples.get(t.name)!;
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const floor = t.as === 'client' ? floors.portal : floors.clinic;
      return {
        target: t.name,
        path: t.path,
        requests: sorted.length,
        errors: s.errors,
        p50: pct(sorted, 0.5),
        p95: pct(sorted, 0.95),
        p99: pct(sorted, 0.99),
        rps: Math.round((sorted.length / s.seconds) * 10) / 10,
        ratioToFloor: t.floor ? null : Math.round((pct(sorted, 0.5) / p50Of(floor.name)) * 100) / 100,
        sql: sqlCounts.get(t.name) ?? null,
      };
    });

    // Check-in submits: many distinct clients at once, against the floor page at the same concurrency.
    console.log(`bench: signing in ${loginClients.length} clients for the write test…`);
    const writers: Session[] = [];
    for (const email of loginClients) writers.push(await signIn(email));
    const actionId = checkinActionId();
    const floorAtWriters = await drive(floors.portal, sessions.client, WRITE_SECONDS, WRITERS);
    const floorSorted = floorAtWriters.latencies.sort((a, b) => a - b);
    await sleep(500);
    const before = await todaysRevisions(owner);
    const writeCountsBefore = counter.snapshot();
    const writes = await driveWrites(writers, actionId);
    await sleep(500);
    const writeCounts = diffCounts(counter.snapshot(), writeCountsBefore);
    const stored = (await todaysRevisions(owner)) - before;
    const writeResult = {
      writers: WRITERS,
      clients: writers.length,
      sent: writes.sent,
      acknowledged: writes.acknowledged,
      refused: writes.refused,
      storedRevisions: stored,
      storedExactlyOnce: stored === writes.acknowledged,
      rps: Math.round(writes.rps * 10) / 10,
      p50: writes.p50,
      p99: writes.p99,
      floorRps: Math.round((floorSorted.length / floorAtWriters.seconds) * 10) / 10,
      floorP99: Math.round(pct(floorSorted, 0.99)),
      statementsPerSubmit: Math.round((writeCounts.statements / Math.max(1, writes.acknowledged + writes.refused)) * 10) / 10,
      transactionsPerSubmit: Math.round((writeCounts.transactions / Math.max(1, writes.acknowledged + writes.refused)) * 10) / 10,
    };

    const rssMb = residentMemoryMb(server.child.pid!);
    const jobQueueStatements = counter.background().statements;
    const explain = {
      therapist: await explainRoster(DB_URL, 'therapist'),
      admin: await explainRoster(DB_URL, 'admin'),
    };

    console.log('\ntarget                                    p50 ms  p95 ms   req/s  ×floor  SQL/req (tx, writes)');
    for (const s of summaries) {
      console.log(
        `${s.target.padEnd(40)} ${s.p50.toFixed(0).padStart(7)} ${s.p95.toFixed(0).padStart(7)} ${s.rps.toFixed(1).padStart(7)} ${(s.ratioToFloor === null ? 'floor' : `${s.ratioToFloor.toFixed(2)}×`).padStart(7)}  ` +
          `${s.sql?.statements ?? '?'} (${s.sql?.transactions ?? '?'} tx, ${(s.sql?.inserts ?? 0) + (s.sql?.updates ?? 0) + (s.sql?.deletes ?? 0)} writes, ${s.sql?.updates ?? 0} updates)${s.errors ? `  ${s.errors} errors` : ''}`,
      );
    }
    console.log(
      `\ncheck-in submits, ${writeResult.writers} at once from ${writeResult.clients} clients: ${writeResult.rps} req/s (floor ${writeResult.floorRps}), ` +
        `p99 ${writeResult.p99} ms (floor ${writeResult.floorP99}), ${writeResult.acknowledged} acknowledged, ${writeResult.refused} refused, ` +
        `${writeResult.storedRevisions} stored (${writeResult.storedExactlyOnce ? 'each exactly once' : 'MISMATCH'}), ` +
        `${writeResult.statementsPerSubmit} statements in ${writeResult.transactionsPerSubmit} transactions per submit`,
    );
    console.log(`\nserver resident memory after the run: ${rssMb} MB; the job queue's own connections ran ${jobQueueStatements} statements meanwhile (counted apart)`);
    console.log(`\nroster query at scale, therapist (EXPLAIN ANALYZE, BUFFERS):\n${explain.therapist}\n\nadmin:\n${explain.admin}`);
    fs.writeFileSync(
      'bench-results.json',
      JSON.stringify({ at: new Date().toISOString(), machine, settings: { ROUNDS, SECONDS, CONNECTIONS, WRITERS, WRITE_SECONDS }, summaries, writes: writeResult, rssMb, jobQueueStatements, explain }, null, 2),
    );
    console.log('\nbench: written to bench-results.json');
  } finally {
    server.child.kill('SIGTERM');
    await counter.close();
    await owner.end();
  }
}

await main();
