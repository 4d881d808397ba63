import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const ruleErrors = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
};

describe('only lib/access opens transactions', () => {
  it('refuses the database client and the connection in a domain module, a route and the proxy', async () => {
    const open = "import { scopedTransaction } from '@/db/client';\nexport const x = scopedTransaction;\n";
    expect(await ruleErrors('lib/caseload/anything.ts', open)).toHaveLength(1);
    expect(await ruleErrors('lib/auth/anything.ts', open)).toHaveLength(1);
    expect(await ruleErrors('app/(clinic)/anything/page.tsx', open)).toHaveLength(1);
    expect(await ruleErrors('proxy.ts', open)).toHaveLength(1);
    const internals = "import { runScoped } from '../../db/connection';\nimport { getDatabase } from '@/db/registry';\nexport const x = [runScoped, getDatabase];\n";
    expect(await ruleErrors('lib/caseload/anything.ts', internals)).toHaveLength(2);
  }, 60_000);

  it('keeps the no-actor helpers of system-scope.ts to sign-in, invitations, sign-up and background jobs', async () => {
    const system = "import { withPracticeSystem } from '@/lib/access/system-scope';\nexport const x = withPracticeSystem;\n";
    expect(await ruleErrors('lib/clients/anything.ts', system)).toHaveLength(1);
    expect(await ruleErrors('lib/submissions/queries.ts', system)).toHaveLength(1);
    expect(await ruleErrors('app/(clinic)/anything/page.tsx', system)).toHaveLength(1);
    expect(await ruleErrors('app/portal/anything/page.tsx', system)).toHaveLength(1);
    expect(await ruleErrors('lib/auth/anything.ts', system)).toEqual([]);
    expect(await ruleErrors('lib/invitations/anything.ts', system)).toEqual([]);
    expect(await ruleErrors('lib/jobs/anything.ts', system)).toEqual([]);
    // Those modules still may not reach past lib/access to the database client.
    expect(await ruleErrors('lib/jobs/anything.ts', "import { scopedTransaction } from '@/db/client';\nexport const x = scopedTransaction;\n")).toHaveLength(1);
  }, 60_000);

  it('allows lib/access to open them, and everyone the transaction type', async () => {
    expect(await ruleErrors('lib/access/anything.ts', "import { scopedTransaction } from '@/db/client';\nexport const x = scopedTransaction;\n")).toEqual([]);
    expect(await ruleErrors('lib/caseload/anything.ts', "import type { Tx } from '@/db/client';\nexport type X = Tx;\n")).toEqual([]);
  }, 60_000);
});
