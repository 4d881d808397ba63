import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Files a test run writes (the development outbox, a generated secret) go to a folder of its own,
// never into a developer's .data.
if (!process.env.MEND_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-test-data-'));
  process.env.MEND_DATA_DIR = dir;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
}
