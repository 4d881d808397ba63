import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { REQUIRED_NODE_MAJOR, nodeMajor, nodeVersionProblem } from '@/lib/runtime/node-version.mjs';

describe('the Node.js runtime', () => {
  it('refuses Node 20 and 22 with a sentence that says what to do', () => {
    for (const version of ['v20.20.2', 'v22.12.0']) {
      const problem = nodeVersionProblem(version);
      expect(problem).toContain('Mend needs Node.js 24 or newer');
      expect(problem).toContain(version);
      expect(problem).toContain('npm run dev');
      expect(problem).toContain('.nvmrc');
    }
  });

  it('accepts Node 24 and newer', () => {
    expect(nodeVersionProblem('v24.0.0')).toBeNull();
    expect(nodeVersionProblem('v24.21.0')).toBeNull();
    expect(nodeVersionProblem('v26.1.0')).toBeNull();
  });

  it('reads the major version, and treats nonsense as too old', () => {
    expect(nodeMajor('v24.21.0')).toBe(24);
    expect(nodeVersionProblem('banana')).toContain('Mend needs Node.js 24');
  });

  it('runs the test suite itself on the pinned Node.js 24', () => {
    const pinned = JSON.parse(fs.readFileSync('package.json', 'utf8')).dependencies.node as string;
    expect(fs.readFileSync('.nvmrc', 'utf8').trim()).toBe(pinned);
    expect(nodeMajor(pinned)).toBe(REQUIRED_NODE_MAJOR);
    expect(process.version).toBe(`v${pinned}`);
  });
});
