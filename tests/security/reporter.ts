import type { Reporter, TestCase } from 'vitest/node';
import type { SecurityReport } from './harness/report';

/**
 * Sums the counts each security test recorded (task meta) and ends the run with the report lines.
 * Silent when no security test ran (unit and integration runs).
 */
export default class SecurityReporter implements Reporter {
  private isolation = { probes: 0, refused: 0, allowed: 0, leaks: 0 };
  private rls = { probes: 0, crossed: 0 };
  private fuzz = { payloads: 0, serverErrors: 0, unexpectedWrites: 0 };
  private shapes = { prototypeKeys: 0, nulBytes: 0, malformedEncodings: 0, loneSurrogates: 0 };
  private sessions = { probes: 0, accepted: 0 };
  private seen = { isolation: false, rls: false, fuzz: false, sessions: false };

  onTestCaseResult(testCase: TestCase) {
    const report = (testCase.meta() as { security?: SecurityReport }).security;
    if (!report) return;
    if (report.isolation) {
      this.seen.isolation = true;
      for (const k of Object.keys(this.isolation) as (keyof typeof this.isolation)[]) this.isolation[k] += report.isolation[k];
    }
    if (report.rls) {
      this.seen.rls = true;
      this.rls.probes += report.rls.probes;
      this.rls.crossed += report.rls.crossed;
    }
    if (report.fuzz) {
      this.seen.fuzz = true;
      for (const k of Object.keys(this.fuzz) as (keyof typeof this.fuzz)[]) this.fuzz[k] += report.fuzz[k];
      const shapes = report.fuzz.shapes;
      if (shapes) for (const k of Object.keys(this.shapes) as (keyof typeof this.shapes)[]) this.shapes[k] += shapes[k];
    }
    if (report.sessions) {
      this.seen.sessions = true;
      this.sessions.probes += report.sessions.probes;
      this.sessions.accepted += report.sessions.accepted;
    }
  }

  onTestRunEnd() {
    const lines: string[] = [];
    const i = this.isolation;
    if (this.seen.isolation) lines.push(`isolation: ${i.probes} probes, ${i.refused} refused as expected, ${i.allowed} allowed as expected, ${i.leaks} leaks`);
    if (this.seen.rls) lines.push(`rls: ${this.rls.probes} probes, ${this.rls.crossed} rows crossed`);
    const f = this.fuzz;
    if (this.seen.fuzz) {
      lines.push(`fuzz: ${f.payloads} payloads, ${f.serverErrors} server errors, ${f.unexpectedWrites} unexpected writes`);
      const s = this.shapes;
      lines.push(`fuzz shapes: ${s.prototypeKeys} with prototype keys, ${s.nulBytes} with NUL bytes, ${s.malformedEncodings} with malformed encodings, ${s.loneSurrogates} with lone surrogates`);
    }
    if (this.seen.sessions) lines.push(`sessions: ${this.sessions.probes} probes, ${this.sessions.accepted} ended sessions accepted`);
    if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
