export type SecurityReport = {
  isolation?: { probes: number; refused: number; allowed: number; leaks: number };
  rls?: { probes: number; crossed: number };
  fuzz?: { payloads: number; serverErrors: number; unexpectedWrites: number; shapes?: FuzzShapes };
  sessions?: { probes: number; accepted: number };
};

/** How many fuzzed payloads and requests carried each shape that once broke the server. */
export type FuzzShapes = { prototypeKeys: number; nulBytes: number; malformedEncodings: number; loneSurrogates: number };

declare module 'vitest' {
  interface TaskMeta {
    security?: SecurityReport;
  }
}

/** Hands a test's counts to tests/security/reporter.ts, which prints the run's summary lines. */
export function recordReport(task: { meta: { security?: SecurityReport } }, report: SecurityReport): void {
  task.meta.security = { ...task.meta.security, ...report };
}
