import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { scopedTransaction } from '../../db/client';
import { DatabaseError, printableError } from '../../db/errors';
import { onRequestError } from '../../instrumentation';
import { submitMeasure } from '../../lib/measures/actions';
import { failAlertInsertsFor } from '../support/clinical';
import { actAs, makePractice } from '../support/factories';

const CANARY = 'Marlowe-canary-7c1e';

function captureErrors() {
  const lines: string[] = [];
  const spies = (['error', 'warn', 'log', 'info'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '))),
  );
  return { lines, restore: () => spies.forEach((s) => s.mockRestore()) };
}

describe('database errors never carry their SQL or parameters out of the query layer', () => {
  it('a failing statement leaves scopedTransaction as a DatabaseError with its SQLSTATE only', async () => {
    const p = await makePractice();
    const error = await scopedTransaction({ practiceId: p.id }, (tx) => tx.execute(sql`select ${CANARY}::uuid as id`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('22P02');
    // Everything a logger could print: message, stack, cause, own fields.
    const printed = inspect(error, { depth: 10, showHidden: true });
    expect(printed).not.toContain(CANARY);
    expect(printed).not.toMatch(/select|params:/i);
  });

  it('an action that fails in the database logs a reference and the class, and answers with the same reference', async () => {
    const p = await makePractice();
    const restore = await failAlertInsertsFor(p.clientA1.clientId);
    const log = captureErrors();
    try {
      actAs(p.clientA1, p.id);
      const answers = { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 2 };
      const result = await submitMeasure(null, { measure: 'phq9', submissionKey: `log-${CANARY}`.replace(/[^A-Za-z0-9-]/g, ''), answers });
      expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/\(ref [0-9a-f]{8}\)/) });
      const ref = /\(ref ([0-9a-f]{8})\)/.exec((result as { formError: string }).formError)![1];
      expect(log.lines).toEqual([`[action measure.submit] failed (${ref}): DatabaseError P0001`]);
    } finally {
      log.restore();
      await restore();
    }
  });

  it("Next's onRequestError hook logs the digest, the route and the class: not the statement, its values or the URL", async () => {
    const log = captureErrors();
    try {
      const drizzleLike = Object.assign(new Error(`Failed query: select * from clients where name = $1\nparams: ${CANARY}`), {
        query: 'select * from clients where name = $1',
        params: [CANARY],
        digest: '4242424242',
        cause: Object.assign(new Error(`invalid byte sequence: ${CANARY}`), { code: '22021', severity: 'ERROR' }),
      });
      await onRequestError(
        drizzleLike,
        { path: `/caseload?q=${CANARY}`, method: 'GET', headers: {} },
        { routerKind: 'App Router', routePath: '/caseload', routeType: 'render', renderSource: 'react-server-components', revalidateReason: undefined },
      );
      expect(log.lines).toEqual(['[request render /caseload] failed (4242424242): DatabaseError 22021']);
    } finally {
      log.restore();
    }
  });

  it('scripts and the start-up check print a database failure as its class only', () => {
    const drizzleLike = Object.assign(new Error(`Failed query: insert into users values ($1)\nparams: ${CANARY}`), { query: 'insert', params: [CANARY], cause: Object.assign(new Error('dup'), { code: '23505', severity: 'ERROR' }) });
    expect(printableError(drizzleLike)).toBe('DatabaseError 23505');
    expect(printableError(new Error('SMTP_URL is not a URL'))).toBe('SMTP_URL is not a URL');
  });
});
