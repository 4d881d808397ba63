export type SecurityReport = {
  isolation?: { probes: number; refused: number; allowed: number; leaks: number };
  rls?: { probes: number; crossed: number };
  fuzz?: { payloads: number; serverErrors: number; unexpectedWrites: number };
};

declare module 'vitest' {
  interface TaskMeta {
    security?: SecurityReport;
  }
}

/** Hands a test's counts to tests/security/reporter.ts, which prints the run's summary lines. */
export function recordReport(task: { meta: { security?: SecurityReport } }, report: SecurityReport): void {
  task.meta.security = { ...task.meta.security, ...report };
}
