import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The code cites the project's own documents by section ("docs/clinical.md §5.1"). A citation of a section that
 * does not exist, or of a document that does not exist, points a reader nowhere: this fails on every one.
 */

const ROOT = path.resolve(__dirname, '../../..');
const DOCS = path.join(ROOT, 'docs');
const SCANNED = ['app', 'lib', 'db', 'tests', 'scripts', 'docs', 'proxy.ts', 'README.md', 'instrumentation.ts', 'instrumentation-node.ts'];
const EXTENSIONS = /\.(ts|tsx|mts|mjs|js|sql|md)$/;
const SECTION = String.raw`§(\d+(?:\.\d+)*)`;
/** "docs/clinical.md §1.3", and any sections listed after it: "docs/clinical.md §1.3, §5.1". */
const CITATION = new RegExp(String.raw`docs/([\w-]+\.md)\s+${SECTION}((?:\s*(?:,|and|or)\s*${SECTION})*)`, 'g');
/** "## 5. Safety", "### 5.1 Triggers and tiers". */
const HEADING = /^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s+\S/;

function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const line of markdown.split('\n')) {
    const match = HEADING.exec(line);
    if (match?.[1]) sections.add(match[1]);
  }
  return sections;
}

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return EXTENSIONS.test(entry) ? [entry] : [];
  return readdirSync(full)
    .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

type Citation = { file: string; line: number; doc: string; section: string };

function citationsIn(file: string): Citation[] {
  const found: Citation[] = [];
  readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(CITATION)) {
        const doc = match[1] ?? '';
        const listed = [...(match[3] ?? '').matchAll(new RegExp(SECTION, 'g'))].map((m) => m[1] ?? '');
        for (const section of [match[2] ?? '', ...listed]) found.push({ file, line: index + 1, doc, section });
      }
    });
  return found;
}

const docs = new Map(
  readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, sectionsOf(readFileSync(path.join(DOCS, name), 'utf8'))]),
);
const citations = SCANNED.flatMap(filesUnder).flatMap(citationsIn);

describe('citations of docs/', () => {
  it('reads the numbered sections of the contract documents', () => {
    expect([...(docs.get('clinical.md') ?? [])]).toEqual(expect.arrayContaining(['1', '1.3', '2.2', '5.1', '6.2', '8']));
    expect([...(docs.get('architecture.md') ?? [])]).toEqual(expect.arrayContaining(['2', '2.3', '3.3', '4.6']));
  });

  it('finds the citations in the code (so the check below is not vacuous)', () => {
    expect(citations.filter((c) => !c.file.startsWith('docs')).length).toBeGreaterThanOrEqual(50);
  });

  it('cites only documents and sections that exist', () => {
    const broken = citations
      .filter((c) => !docs.get(c.doc)?.has(c.section))
      .map((c) => `${c.file}:${c.line} cites docs/${c.doc} §${c.section}`);
    expect(broken).toEqual([]);
  });

  it('resolves the bare "§n" cross-references inside each document', () => {
    const broken: string[] = [];
    for (const [name, sections] of docs) {
      readFileSync(path.join(DOCS, name), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          // A bare "§n" refers to the same document; "docs/other.md §n" is checked above.
          const bare = text.replace(CITATION, '');
          for (const match of bare.matchAll(new RegExp(SECTION, 'g'))) {
            if (!sections.has(match[1] ?? '')) broken.push(`docs/${name}:${index + 1} refers to §${match[1]}`);
          }
        });
    }
    expect(broken).toEqual([]);
  });

  it('no longer cites the contract by its old names', () => {
    const old = SCANNED.flatMap(filesUnder).filter((file) => /\b(CLINICAL|DESIGN)(\.md)?( §|'s )/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(old).toEqual([]);
  });
});
