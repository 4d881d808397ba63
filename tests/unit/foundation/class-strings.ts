import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every .tsx file under a folder of the project, recursively. */
export function tsxUnder(dir: string): string[] {
  return readdirSync(join(process.cwd(), dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsxUnder(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The class strings of a file (plain, template or braced literal). */
const CLASS_STRINGS = /className=(?:"([^"]*)"|\{`([^`]*)`\})/g;

/** Each `file: "classes"` under `app/` whose class string breaks a rule. */
export function classStringOffenders(rule: (classes: string) => boolean): string[] {
  return tsxUnder('app').flatMap((file) =>
    [...readFileSync(join(process.cwd(), file), 'utf8').matchAll(CLASS_STRINGS)]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter(rule)
      .map((classes) => `${file}: ${classes}`),
  );
}
