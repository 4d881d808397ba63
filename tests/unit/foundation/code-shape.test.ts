import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Rules of the codebase that hold for every file, checked on every file, so a new one cannot slip past
 * review (docs/architecture.md §1.3): the 400-line ceiling, kebab-case names, and dates only through lib/time.
 */

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx|mts|mjs|js|cjs|css)$/;
/** Not ours, generated, or build output. Migrations are SQL written once and never edited. */
const SKIP_DIRS = new Set(['node_modules', '.next', '.git', '.data', 'out', 'build', 'coverage', 'test-results', 'playwright-report', 'migrations']);

function sourceFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.next') && !(entry.name.startsWith('.') && dir === ROOT)) out.push(...sourceFiles(join(dir, entry.name)));
    } else if (SOURCE.test(entry.name) && entry.name !== 'next-env.d.ts') {
      out.push(relative(ROOT, join(dir, entry.name)).split(sep).join('/'));
    }
  }
  return out;
}

const files = sourceFiles();
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const lineCount = (source: string) => source.split('\n').length - (source.endsWith('\n') ? 1 : 0);

const KEBAB = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** (group), [param], [...catchAll] and _private: Next.js's own folder conventions. */
const ROUTE_FOLDER = /^(?:\([a-z0-9-]+\)|\[(?:\.\.\.)?[a-zA-Z]+\]|_[a-z0-9-]+)$/;

function misnamed(file: string): boolean {
  const parts = file.split('/');
  const name = parts.pop()!.replace(SOURCE, '').replace(/\.d$/, '');
  return !KEBAB.test(name) || parts.some((folder) => !KEBAB.test(folder) && !ROUTE_FOLDER.test(folder));
}

/** What only lib/time may do, each with a line it must catch. */
const TIME_RULES: { pattern: RegExp; what: string; example: string }[] = [
  {
    pattern: /Intl\.DateTimeFormat\(/,
    what: 'an Intl.DateTimeFormat (use the cached formatters of lib/time/format.ts)',
    example: "const f = new Intl.DateTimeFormat('en-US', { timeZone });",
  },
  {
    pattern: /\.toLocale(?:Date|Time)?String\((?!['"]en-US['"]\))/,
    what: 'a date formatted without a zone (formatInstant, formatLocalDay)',
    example: 'label={d.toLocaleDateString()}',
  },
  {
    pattern: /getTimezoneOffset|toISOString\(\)\.(?:slice|substring)\(0, ?10\)|toISOString\(\)\.split\(['"]T['"]\)/,
    what: 'a day or an offset worked out by hand (localDay, isoInZone)',
    example: 'const day = new Date().toISOString().slice(0, 10);',
  },
  { pattern: /\\d\{4\}-\\d\{2\}-\\d\{2\}/, what: 'a calendar-day pattern (isLocalDay)', example: 'const DAY = /^\\d{4}-\\d{2}-\\d{2}$/;' },
  { pattern: /\[01\]\\d\|2\[0-3\]/, what: 'a time-of-day pattern (isTimeOfDay)', example: 'const TIME = /^([01]\\d|2[0-3]):[0-5]\\d$/;' },
  {
    pattern: /supportedValuesOf\(['"]timeZone['"]\)/,
    what: 'the runtime\'s list of zones read directly (timeZoneNames)',
    example: "<Picker zones={Intl.supportedValuesOf('timeZone')} />",
  },
  { pattern: /A-Za-z[^/\n]{0,20}\\\//, what: 'a time-zone pattern (isIanaTimeZone)', example: 'const ZONE = /^[A-Za-z_]+\\/[A-Za-z_]+$/;' },
];

describe('the shape of the codebase', () => {
  it('finds the source files it checks', () => {
    expect(files).toContain('lib/time/day.ts');
    expect(files).toContain('app/layout.tsx');
    expect(files).toContain('tests/unit/foundation/code-shape.test.ts');
    expect(files.length).toBeGreaterThan(300);
  });

  it('has no source file over 400 lines', () => {
    expect(lineCount('a\n'.repeat(401))).toBe(401);
    const long = files.map((f) => [f, lineCount(text(f))] as const).filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });

  it('names files and folders in kebab-case (Next.js route folders aside)', () => {
    expect(misnamed('app/_components/MyWidget.tsx')).toBe(true);
    expect(misnamed('lib/caseload/rosterSql.ts')).toBe(true);
    expect(misnamed('lib/Caseload/roster.ts')).toBe(true);
    expect(misnamed('app/(clinic)/clients/[clientId]/_sections/record-header.tsx')).toBe(false);
    expect(misnamed('app/api/auth/[...nextauth]/route.ts')).toBe(false);
    expect(files.filter(misnamed)).toEqual([]);
  });

  it('formats dates and reads time zones only in lib/time', () => {
    for (const rule of TIME_RULES) expect(rule.pattern.test(rule.example), rule.example).toBe(true);
    const found: string[] = [];
    for (const file of files.filter((f) => /^(app|lib|db|scripts)\//.test(f) || f === 'proxy.ts')) {
      if (file.startsWith('lib/time/')) continue;
      text(file)
        .split('\n')
        .forEach((line, i) => {
          for (const rule of TIME_RULES) if (rule.pattern.test(line)) found.push(`${file}:${i + 1}: ${rule.what}`);
        });
    }
    expect(found).toEqual([]);
  });
});
