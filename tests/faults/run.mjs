// npm run test:faults — builds a throwaway stack (its own Postgres cluster on a free port, PgBouncer in
// transaction mode, two instances of the production build behind nginx; deploy/stack.mjs), drives check-ins
// from many clients through the proxy, and in turn restarts Postgres, kills one app instance and restarts
// PgBouncer. Each client resends a failed request with the same idempotency key until it is acknowledged.
// For each fault it prints `faults: <fault>: <n> acknowledged, <n> lost, <n> duplicated, recovered in <s> s`
// and fails when anything was lost or duplicated, recovery took 10 s or more, or an app logged an uncaught
// driver error. Never touches the developer's own Postgres server.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { ROOT, startStack } from '../../deploy/stack.mjs';

const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 16);
/** Pause between one client's check-ins: people, not a benchmark (and a 2-core CI machine). */
const THINK_MS = Number(process.env.FAULT_THINK_MS ?? 250);
const RECOVERY_LIMIT_S = 10;
const REQUEST_TIMEOUT_MS = 15_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line) => console.log(`faults: ${line}`);

if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  console.error('faults: no production build; run `npm run build` first (npm run test:faults does).');
  process.exit(1);
}

/** Action ids of this build, by module and export, from Next's server-reference manifest. */
function actionId(file, exportName) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.filename === file && entry.exportedName === exportName) return id;
  throw new Error(`No server action ${file}#${exportName} in this build.`);
}

/** Calls a server action the way the browser does: POST to the page with its id, arguments as a React reply. */
async function callAction(baseUrl, page, id, args, cookie) {
  const response = await fetch(`${baseUrl}${page}`, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: {
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': id,
      Origin: baseUrl,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-faults-'));
let stack;
let failed = false;
try {
  const t0 = Date.now();
  stack = await startStack({ stateDir, quiet: true, log: (line) => say(`stack: ${line}`) });
  say(`stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s (${stateDir})`);

  const seeded = JSON.parse(
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'tests/faults/seed-clients.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: stack.ownerUrl, APP_DATABASE_PASSWORD: stack.secrets.APP_DATABASE_PASSWORD, CLIENTS: String(CLIENTS + 1) },
    }).toString(),
  );

  // Row-level security through PgBouncer in transaction mode: no tenant leaks across pooled server connections.
  try {
    say(
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'tests/faults/pgbouncer-isolation.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: stack.ownerUrl, APP_DATABASE_URL: stack.appDatabaseUrl, APP_DATABASE_POOL_SIZE: '40' },
      })
        .toString()
        .trim()
        .replace(/^pgbouncer: /, 'pgbouncer isolation: '),
    );
  } catch (error) {
    say(`FAIL: pgbouncer isolation: ${error.stdout?.toString().trim() || error.message}`);
    failed = true;
  }

  const signIn = actionId('lib/auth/actions.ts', 'signInAction');
  const checkIn = actionId('lib/checkins/actions.ts', 'submitCheckin');

  // Sign every client in through the proxy; the session cookie works on whichever instance answers.
  const [throttled, ...writersClients] = seeded.clients;
  const sessions = [];
  for (const client of writersClients) {
    const result = await callAction(stack.baseUrl, '/login', signIn, [null, { email: client.email, password: seeded.password }]);
    const cookie = result.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => /mend\.session=/.test(c));
    if (!cookie) throw new Error(`sign-in failed for a drill client (HTTP ${result.status}).`);
    sessions.push({ ...client, cookie });
  }
  say(`${sessions.length} clients signed in`);

  // State shared by the instances: a session made through the proxy works on each instance directly, and
  // failed sign-ins counted on one instance lock the account on the other.
  const direct = stack.ports.apps.map((port) => `http://127.0.0.1:${port}`);
  for (const url of direct) {
    const page = await fetch(`${url}/portal/check-in`, { redirect: 'manual', headers: { Cookie: sessions[0].cookie } });
    if (page.status !== 200) throw new Error(`a session did not work on ${url} (HTTP ${page.status}).`);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    await callAction(direct[attempt % 2], '/login', signIn, [null, { email: throttled.email, password: 'not the password' }]);
  }
  const locked = await callAction(direct[1], '/login', signIn, [null, { email: throttled.email, password: seeded.password }]);
  if (!locked.text.includes('Too many sign-in attempts')) throw new Error('failed sign-ins on one instance did not lock the account on the other.');
  say('shared state: sessions work on either instance; failed sign-ins on one lock the account on the other');

  // --- The writers.
  const runId = randomUUID().slice(0, 8);
  const acks = []; // { note, at }
  const successes = sessions.map(() => []); // completion times of acknowledged writes, per client
  const refusals = [];
  const latencies = []; // from first send to acknowledgement, retries included
  let stop = false;
  const writer = async (index) => {
    const session = sessions[index];
    for (let n = 1; !stop; n++) {
      const note = `drill ${runId} c${index} n${n}`;
      const key = randomUUID();
      const payload = { mood: String(n % 11), distress: '30', window: 'within', note, safetyThoughts: 'no', idempotencyKey: key };
      const sentAt = Date.now();
      for (;;) {
        let outcome = 'retry';
        try {
          const result = await callAction(stack.baseUrl, '/portal/check-in', checkIn, [null, payload], session.cookie);
          if (result.status === 200 && result.text.includes('"ok":true')) outcome = 'ok';
          else if (result.status === 200 && result.text.includes('"ok":false') && !result.text.includes('"retryable":true')) outcome = 'refused';
        } catch {
          // connection refused or reset, or timed out: the outcome is unknown, send it again with the same key
        }
        if (outcome === 'ok') {
          const at = Date.now();
          acks.push({ note, at });
          successes[index].push(at);
          latencies.push(at - sentAt);
          break;
        }
        if (outcome === 'refused') {
          refusals.push(note);
          break;
        }
        await sleep(200);
      }
      await sleep(THINK_MS);
    }
  };
  const writers = sessions.map((_, i) => writer(i));

  /** Seconds from `since` until every client has had a write acknowledged after it. */
  const recovery = async (since) => {
    const deadline = since + 60_000;
    for (;;) {
      const firsts = successes.map((times) => times.find((t) => t > since));
      if (firsts.every(Boolean)) return (Math.max(...firsts) - since) / 1000;
      if (Date.now() > deadline) return Infinity;
      await sleep(50);
    }
  };

  const faults = [
    {
      name: 'Postgres restart',
      inject: async () => {
        const { stopMs, upAt } = await stack.restartPostgres();
        say(`  Postgres fast shutdown took ${(stopMs / 1000).toFixed(2)} s`);
        if (stopMs > 5_000) {
          say('  FAIL: the fast shutdown was held up');
          failed = true;
        }
        return upAt;
      },
    },
    {
      name: 'one app instance killed',
      inject: async () => {
        const at = Date.now();
        await stack.killApp(0, 'SIGKILL');
        return at;
      },
      after: () => stack.startApp(0),
    },
    { name: 'PgBouncer restart', inject: async () => (await stack.restartPgbouncer()).upAt },
  ];

  await sleep(3_000);
  const windows = [];
  for (const fault of faults) {
    const from = Date.now();
    const repairedAt = await fault.inject();
    const seconds = await recovery(repairedAt);
    await sleep(2_000);
    if (fault.after) await fault.after();
    windows.push({ fault, from, to: Date.now(), seconds });
  }
  stop = true;
  await Promise.race([Promise.all(writers), sleep(30_000)]);

  // --- What the database holds: every state a check-in went through is the current row or one revision.
  const owner = postgres(stack.ownerUrl, { max: 1, onnotice: () => {} });
  const rows = await owner`
    select note from checkins where practice_id = ${seeded.practiceId} and note like ${`drill ${runId} %`}
    union all
    select snapshot->>'note' from checkin_revisions where practice_id = ${seeded.practiceId} and snapshot->>'note' like ${`drill ${runId} %`}`;
  await owner.end();
  const stored = new Map();
  for (const { note } of rows) stored.set(note, (stored.get(note) ?? 0) + 1);

  for (const { fault, from, to, seconds } of windows) {
    const mine = acks.filter((a) => a.at >= from && a.at < to);
    const lost = mine.filter((a) => !stored.has(a.note)).length;
    const duplicated = mine.filter((a) => (stored.get(a.note) ?? 0) > 1).length;
    say(`${fault.name}: ${mine.length} acknowledged, ${lost} lost, ${duplicated} duplicated, recovered in ${seconds.toFixed(1)} s`);
    if (lost || duplicated || !(seconds < RECOVERY_LIMIT_S) || mine.length === 0) failed = true;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  say(`latency from first send to acknowledgement: median ${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(2)} s, p95 ${((sorted[Math.floor(sorted.length * 0.95)] ?? 0) / 1000).toFixed(2)} s`);
  const allLost = acks.filter((a) => !stored.has(a.note)).length;
  const allDuplicated = [...stored.values()].filter((count) => count > 1).length;
  say(`all: ${acks.length} acknowledged, ${allLost} lost, ${allDuplicated} duplicated`);
  if (allLost || allDuplicated) failed = true;
  if (refusals.length) {
    say(`FAIL: ${refusals.length} check-ins were refused outright`);
    failed = true;
  }

  // The driver's uncaught errors (porsager/postgres #1154) must not come back.
  for (const name of ['app1.log', 'app2.log']) {
    const text = fs.readFileSync(path.join(stateDir, name), 'utf8');
    const uncaught = (text.match(/Cannot read properties of null \(reading 'write'\)|uncaughtException/g) ?? []).length;
    if (uncaught) {
      say(`FAIL: ${name} logged ${uncaught} uncaught driver errors`);
      failed = true;
    }
  }
} catch (error) {
  console.error(`faults: ${error?.stack ?? error}`);
  failed = true;
} finally {
  await stack?.stop().catch(() => {});
  if (!failed) fs.rmSync(stateDir, { recursive: true, force: true });
  else say(`logs kept in ${stateDir}`);
}
say(failed ? 'FAILED' : 'passed');
process.exit(failed ? 1 : 0);
