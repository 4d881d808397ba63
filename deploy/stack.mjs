// The several-instance stack, built from standard parts: Postgres (its own throwaway cluster, or the server in
// DATABASE_URL), PgBouncer in transaction mode in front of it, two `next start` instances of the same build, and
// nginx in front of them. Used by deploy/up.sh (run it for yourself) and by the fault tests (tests/faults).
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const isRoot = process.getuid?.() === 0;

/** Postgres refuses to run as root, PgBouncer too: as root, run them as the `postgres` system user. */
function asServiceUser(command, args) {
  return isRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]] : [command, args];
}

function postgresBin() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))) : [];
  if (!versions.length) throw new Error('No Postgres server binaries under /usr/lib/postgresql; run deploy/up.sh (it installs them).');
  return path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const full = path.join(dir, command);
    if (fs.existsSync(full)) return full;
  }
  throw new Error(`${command} is not installed; run deploy/up.sh (it installs it with apt-get).`);
}

// Ports handed out by this process. The stack picks all its ports before any service binds one, so a port that is
// free when checked can be picked twice (Postgres and nginx once drew the same one); never hand one out again.
const handedOut = new Set();

export async function freePort(from = 34000, to = 34999) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    if (handedOut.has(port)) continue;
    const free = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${from}-${to}.`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, check, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    try {
      if (await check()) return Date.now() - started;
    } catch {
      // not yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s.`);
    await sleep(100);
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function httpOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return response.ok;
}

/** Secrets shared by every instance: sessions and server-action payloads must be readable by whichever answers. */
function loadSecrets(stateDir) {
  const file = path.join(stateDir, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = {
    AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    APP_DATABASE_PASSWORD: crypto.randomBytes(18).toString('base64url'),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Starts the stack. `stateDir` holds the cluster, configs, logs and secrets; ports not given are picked free
 * in 34000-34999. Returns handles to restart or kill each part (the fault tests use them).
 */
export async function startStack(options = {}) {
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mend-stack-'));
  fs.mkdirSync(stateDir, { recursive: true });
  if (isRoot) fs.chmodSync(stateDir, 0o755);
  const log = options.log ?? ((line) => console.log(`stack: ${line}`));
  const ports = {
    postgres: options.ports?.postgres ?? (options.databaseUrl ? null : await freePort()),
    pgbouncer: options.ports?.pgbouncer ?? (await freePort()),
    apps: options.ports?.apps ?? [await freePort(), await freePort()],
    proxy: options.ports?.proxy ?? (await freePort()),
  };
  const secrets = loadSecrets(stateDir);
  const children = new Set();
  const track = (child) => {
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };
  const logFile = (name) => fs.openSync(path.join(stateDir, `${name}.log`), 'a');

  // --- Postgres: our own cluster unless a server was given.
  let owner; // owner URL, straight to Postgres (migrations)
  let upstream; // where PgBouncer connects
  const pgDir = path.join(stateDir, 'pg');
  const pgBin = options.databaseUrl ? null : postgresBin();
  const pgCtl = (args) => {
    const [cmd, argv] = asServiceUser(path.join(pgBin, 'pg_ctl'), args);
    execFileSync(cmd, argv, { stdio: 'ignore' });
  };
  const pgStart = () =>
    pgCtl(['-D', pgDir, '-l', path.join(stateDir, 'postgres.log'), '-w', '-t', '60', 'start', '-o',
      `-p ${ports.postgres} -k ${stateDir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off -c full_page_writes=off`]);
  if (options.databaseUrl) {
    owner = new URL(options.databaseUrl);
    upstream = { host: owner.hostname, port: Number(owner.port || 5432), database: owner.pathname.slice(1) };
  } else {
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      fs.mkdirSync(pgDir, { recursive: true });
      if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', stateDir]);
      const [cmd, argv] = asServiceUser(path.join(pgBin, 'initdb'), ['-D', pgDir, '-U', 'postgres', '-E', 'UTF8', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync']);
      execFileSync(cmd, argv, { stdio: 'ignore' });
      // The owner (migrations) may come in without a password from this machine only; the app role needs its password.
      fs.appendFileSync(path.join(pgDir, 'pg_hba.conf'), '\n');
      const hba = fs.readFileSync(path.join(pgDir, 'pg_hba.conf'), 'utf8');
      fs.writeFileSync(path.join(pgDir, 'pg_hba.conf'), `host all postgres 127.0.0.1/32 trust\n${hba}`);
    }
    pgStart();
    owner = new URL(`postgres://postgres@127.0.0.1:${ports.postgres}/mend`);
    upstream = { host: '127.0.0.1', port: ports.postgres, database: 'mend' };
    const psql = path.join(pgBin, 'psql');
    const exists = execFileSync(psql, ['-h', '127.0.0.1', '-p', String(ports.postgres), '-U', 'postgres', '-d', 'postgres', '-tAc', "select 1 from pg_database where datname = 'mend'"]).toString().trim();
    if (!exists) execFileSync(psql, ['-h', '127.0.0.1', '-p', String(ports.postgres), '-U', 'postgres', '-d', 'postgres', '-qc', 'create database mend']);
    log(`Postgres on 127.0.0.1:${ports.postgres} (cluster in ${pgDir})`);
  }

  // --- Migrations (and the app role's password), as the owner, straight to Postgres.
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: owner.toString(), APP_DATABASE_PASSWORD: secrets.APP_DATABASE_PASSWORD };
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, options.seedDemo ? 'scripts/db-seed.ts' : 'scripts/db-migrate.ts')], {
    cwd: ROOT,
    env: baseEnv,
    stdio: options.quiet ? 'ignore' : 'inherit',
  });

  // --- PgBouncer, transaction mode: a server connection is lent for one transaction, so every transaction
  // must set its own tenant (runScoped does, with set_config(..., true)) and nothing may rely on session state.
  const bouncerDir = path.join(stateDir, 'pgbouncer');
  fs.mkdirSync(bouncerDir, { recursive: true });
  fs.writeFileSync(path.join(bouncerDir, 'userlist.txt'), `"mend_app" "${secrets.APP_DATABASE_PASSWORD}"\n`, { mode: 0o600 });
  fs.writeFileSync(
    path.join(bouncerDir, 'pgbouncer.ini'),
    `[databases]
mend = host=${upstream.host} port=${upstream.port} dbname=${upstream.database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${ports.pgbouncer}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${path.join(bouncerDir, 'userlist.txt')}
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
; Retry a failed server login after 1 s, not the default 15 s: a restarted Postgres is used again at once.
server_login_retry = 1
server_connect_timeout = 3
; A client waits at most 8 s for a server connection, then gets an error (its form retries with its key).
query_wait_timeout = 8
server_check_delay = 5
logfile = ${path.join(stateDir, 'pgbouncer.log')}
pidfile = ${path.join(bouncerDir, 'pgbouncer.pid')}
`,
  );
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', bouncerDir]);
  let bouncer = null;
  const startBouncer = async () => {
    const [cmd, argv] = asServiceUser(which('pgbouncer'), [path.join(bouncerDir, 'pgbouncer.ini')]);
    bouncer = track(spawn(cmd, argv, { stdio: ['ignore', logFile('pgbouncer.out'), logFile('pgbouncer.out')] }));
    await waitFor('PgBouncer', () => portOpen(ports.pgbouncer), 20_000);
  };
  await startBouncer();
  log(`PgBouncer (transaction mode) on 127.0.0.1:${ports.pgbouncer}`);

  // --- Two instances of the same build.
  const appUrl = `postgres://mend_app:${encodeURIComponent(secrets.APP_DATABASE_PASSWORD)}@127.0.0.1:${ports.pgbouncer}/mend?prepare=false`;
  const appEnv = {
    ...baseEnv,
    NODE_ENV: 'production',
    APP_DATABASE_URL: appUrl,
    AUTH_SECRET: secrets.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    // nginx is one trusted hop: it sets X-Forwarded-For to the browser's address, which the sign-in throttle keys on
    // (without it every person would share nginx's address).
    MEND_TRUSTED_PROXY_HOPS: '1',
    MEND_DATA_DIR: path.join(stateDir, 'data'),
    // With the demo data seeded, the sign-in page lists its logins (a demo; see MEND_DEMO in the README).
    ...(options.seedDemo ? { MEND_DEMO: '1' } : {}),
    ...(options.appEnv ?? {}),
  };
  const apps = [null, null];
  const startApp = async (index) => {
    const port = ports.apps[index];
    apps[index] = track(
      spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: ROOT,
        env: appEnv,
        stdio: ['ignore', logFile(`app${index + 1}`), logFile(`app${index + 1}`)],
      }),
    );
    await waitFor(`app instance ${index + 1}`, () => httpOk(`http://127.0.0.1:${port}/api/ready`), 90_000);
  };
  await Promise.all([startApp(0), startApp(1)]);
  log(`app instances on 127.0.0.1:${ports.apps.join(' and 127.0.0.1:')}`);

  // --- nginx in front.
  const nginxDir = path.join(stateDir, 'nginx');
  for (const dir of ['', 'tmp', 'logs']) fs.mkdirSync(path.join(nginxDir, dir), { recursive: true, mode: 0o777 });
  fs.chmodSync(path.join(nginxDir, 'tmp'), 0o777);
  fs.writeFileSync(
    path.join(nginxDir, 'nginx.conf'),
    `worker_processes 1;
pid ${path.join(nginxDir, 'nginx.pid')};
error_log ${path.join(stateDir, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/tmp/body;
  proxy_temp_path ${nginxDir}/tmp/proxy;
  fastcgi_temp_path ${nginxDir}/tmp/fastcgi;
  uwsgi_temp_path ${nginxDir}/tmp/uwsgi;
  scgi_temp_path ${nginxDir}/tmp/scgi;
  client_max_body_size 2m;
  upstream mend {
    # Passive checks: an instance that refuses a connection is skipped for 2 s, and the request goes to the other.
    server 127.0.0.1:${ports.apps[0]} max_fails=1 fail_timeout=2s;
    server 127.0.0.1:${ports.apps[1]} max_fails=1 fail_timeout=2s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${ports.proxy};
    location / {
      proxy_pass http://mend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      # Only failures before the request reached an instance are retried there for POSTs (nginx's default);
      # a POST cut off mid-way is retried by the form itself, with its idempotency key.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
    }
  }
}
`,
  );
  const nginx = track(
    spawn(which('nginx'), ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: ['ignore', logFile('nginx.out'), logFile('nginx.out')],
    }),
  );
  const baseUrl = `http://127.0.0.1:${ports.proxy}`;
  await waitFor('nginx', () => httpOk(`${baseUrl}/api/health`), 20_000);
  log(`nginx on ${baseUrl}`);

  const exited = (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));

  return {
    stateDir,
    baseUrl,
    ports,
    ownerUrl: owner.toString(),
    appDatabaseUrl: appUrl,
    secrets,
    /** Fast shutdown and start again; returns how long the stop took and when Postgres accepted connections. */
    async restartPostgres() {
      if (!pgBin) throw new Error('The stack uses an outside Postgres server; it will not restart it.');
      const t0 = Date.now();
      pgCtl(['-D', pgDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
      const stopMs = Date.now() - t0;
      pgStart();
      return { stopMs, upAt: Date.now() };
    },
    async killApp(index, signal = 'SIGKILL') {
      const child = apps[index];
      child.kill(signal);
      await exited(child);
    },
    startApp,
    async restartPgbouncer() {
      bouncer.kill('SIGTERM');
      await exited(bouncer);
      await startBouncer();
      return { upAt: Date.now() };
    },
    async stop() {
      for (const child of [nginx, ...apps]) child?.kill('SIGTERM');
      await Promise.race([Promise.all([nginx, ...apps].filter(Boolean).map(exited)), sleep(10_000)]);
      bouncer?.kill('SIGTERM');
      for (const child of children) child.kill('SIGKILL');
      if (pgBin) {
        try {
          pgCtl(['-D', pgDir, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
    },
  };
}
