import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '@/lib/audit/labels';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/**
 * Every action code the source can record: an action's `name:` (defineAction) and every `action: '…'` or
 * `'…'` branch handed to recordAudit/recordRead/audit/alsoAudit. Read from the source rather than a list,
 * so a new code without a label fails here even if it reached the database around the type.
 */
function recordedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const patterns = [
    /defineAction\(\{\s*name:\s*'([^']+)'/g,
    /\baction:\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g,
    /\baction:\s*[^,\n]*\?\s*'([a-zA-Z]+\.[a-zA-Z.]+)'\s*:\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g,
  ];
  for (const file of ['lib', 'app', 'db', 'scripts'].flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    if (!/recordAudit|recordRead|defineAction|audit\(|alsoAudit\(/.test(text)) continue;
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) for (const code of match.slice(1)) if (code) codes.set(code, file);
    }
  }
  return codes;
}

describe('audit action labels', () => {
  const codes = recordedCodes();

  it('finds the actions the app records (the scan itself works)', () => {
    for (const known of ['auth.signIn', 'auth.signOut', 'client.viewClinical', 'submission.draftStarted', 'measure.draftStarted', 'audit.export']) {
      expect(codes.has(known), known).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(50);
  });

  it('labels every recorded action in words', () => {
    const unlabelled = [...codes].filter(([code]) => !Object.hasOwn(AUDIT_ACTION_LABELS, code)).map(([code, file]) => `${code} (${file})`);
    expect(unlabelled).toEqual([]);
  });

  it('labels are sentences, not codes, and distinct', () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    for (const label of labels) expect(label).toMatch(/^[A-Z][^.]*[a-z]$/);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('shows an unknown code (from another build) as itself', () => {
    expect(auditActionLabel('client.viewClinical')).toBe('Viewed a client’s clinical overview');
    expect(auditActionLabel('future.thing')).toBe('future.thing');
    expect(auditActionLabel('toString')).toBe('toString');
  });
});
