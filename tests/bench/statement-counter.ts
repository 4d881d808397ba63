/**
 * A TCP proxy in front of Postgres that counts what the server is asked to run, read off the wire protocol:
 * every simple Query ('Q') and every Execute ('E') of the extended protocol is one statement. The statement's
 * text comes from the Query itself or from the Parse ('P') that prepared the statement the last Bind ('B') named,
 * so each one is classed: transaction control (BEGIN/COMMIT/ROLLBACK), a write (INSERT/UPDATE/DELETE), or a read.
 * The app under test connects through it and is unchanged; the counts are exact, not estimated. Connections
 * that name themselves pg-boss in their start-up message (`application_name`, as the job queue's own pool
 * does) are counted apart as background work: the queue polls on its own clock, and a page's count must not
 * depend on whether a poll fell inside its window.
 */
import net from 'node:net';

export type StatementCounts = {
  statements: number;
  /** BEGIN … COMMIT/ROLLBACK blocks. */
  transactions: number;
  /** Statements other than transaction control. */
  work: number;
  inserts: number;
  updates: number;
  deletes: number;
};

const zero = (): StatementCounts => ({ statements: 0, transactions: 0, work: 0, inserts: 0, updates: 0, deletes: 0 });

export function diffCounts(after: StatementCounts, before: StatementCounts): StatementCounts {
  const out = zero();
  for (const k of Object.keys(out) as (keyof StatementCounts)[]) out[k] = after[k] - before[k];
  return out;
}

function classify(counts: StatementCounts, text: string): void {
  // A simple Query may hold several statements separated by semicolons (outside quotes, which ours never need).
  for (const part of text.split(';')) {
    const head = part.trim().toLowerCase();
    if (!head) continue;
    counts.statements++;
    if (/^(begin|start transaction)\b/.test(head)) counts.transactions++;
    else if (/^(commit|rollback|end|savepoint|release)\b/.test(head)) continue;
    else {
      counts.work++;
      // The verb of the statement; a WITH … INSERT counts as the write it ends in.
      const verb = /\b(insert|update|delete)\b/.exec(head.startsWith('with') ? head : head.slice(0, 12))?.[1];
      if (verb === 'insert') counts.inserts++;
      else if (verb === 'update') counts.updates++;
      else if (verb === 'delete') counts.deletes++;
    }
  }
}

const cstring = (buf: Buffer, at: number): [string, number] => {
  const end = buf.indexOf(0, at);
  return [buf.toString('utf8', at, end), end + 1];
};

/** The parameters of a start-up message (protocol 3.0): NUL-terminated name/value pairs after the version. */
function startupParameters(message: Buffer): Map<string, string> {
  const params = new Map<string, string>();
  let at = 8;
  while (at < message.length && message[at] !== 0) {
    const [name, next] = cstring(message, at);
    const [value, after] = cstring(message, next);
    params.set(name, value);
    at = after;
  }
  return params;
}

export async function startStatementCounter(target: { host: string; port: number }) {
  const counts = zero();
  const background = zero();
  const server = net.createServer((client) => {
    let tally = counts;
    const upstream = net.connect(target.port, target.host);
    // Forward each message at once. With Nagle's algorithm on, a small message (a transaction's COMMIT) waited
    // for the peer's delayed acknowledgement, some 40 ms, and every page measured through the counter carried it.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const prepared = new Map<string, string>();
    let bound = '';
    let startup = true;
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (startup) {
          // Startup and SSL/GSS requests: a length and no type byte.
          if (pending.length < 8) break;
          const len = pending.readInt32BE(0);
          if (pending.length < len) break;
          const code = pending.readInt32BE(4);
          if (code === 196608 && startupParameters(pending.subarray(0, len)).get('application_name')?.startsWith('pgboss')) {
            tally = background;
          }
          pending = pending.subarray(len);
          if (code !== 80877103 && code !== 80877104) startup = false;
          continue;
        }
        if (pending.length < 5) break;
        const len = pending.readInt32BE(1);
        if (pending.length < len + 1) break;
        const type = String.fromCharCode(pending[0]!);
        const body = pending.subarray(5, len + 1);
        pending = pending.subarray(len + 1);
        if (type === 'Q') classify(tally, cstring(body, 0)[0]);
        else if (type === 'P') {
          const [name, next] = cstring(body, 0);
          prepared.set(name, cstring(body, next)[0]);
        } else if (type === 'B') {
          const [, next] = cstring(body, 0);
          bound = cstring(body, next)[0];
        } else if (type === 'E') classify(tally, prepared.get(bound) ?? 'select');
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    snapshot: (): StatementCounts => ({ ...counts }),
    /** What the job queue's own connections ran meanwhile (not part of any page's count). */
    background: (): StatementCounts => ({ ...background }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
