import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

function walk(dir: string, match: (file: string) => boolean, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, match, out);
    else if (match(full)) out.push(full);
  }
  return out.sort();
}

/** A module is a server-action module when its first statement is the 'use server' directive. */
export function isUseServerModule(source: string): boolean {
  const code = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^(['"])use server\1/.test(code);
}

export function serverActionFiles(): string[] {
  return walk(path.join(ROOT, 'lib'), (f) => /\.tsx?$/.test(f) && isUseServerModule(fs.readFileSync(f, 'utf8'))).concat(
    walk(path.join(ROOT, 'app'), (f) => /\.tsx?$/.test(f) && isUseServerModule(fs.readFileSync(f, 'utf8'))),
  );
}

export type ActionDefinitionLike = { name: string; permission: string | null; input?: unknown; secretFields?: readonly string[] };
export type ActionFn = ((prev: unknown, payload: FormData | Record<string, unknown>) => Promise<unknown>) & {
  definition?: ActionDefinitionLike;
};
export type ActionEntry = { name: string; file: string; exportName: string; fn: ActionFn; definition: ActionDefinitionLike };

/**
 * Every server action, from the code: each export of each 'use server' module. An exported function
 * without a `.definition` (defineAction, or the sign-in pair) is itself a finding: it is a public POST
 * endpoint nobody declared a permission for.
 */
export async function loadActions(): Promise<{ actions: ActionEntry[]; undeclared: string[] }> {
  const actions: ActionEntry[] = [];
  const undeclared: string[] = [];
  for (const file of serverActionFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const rel = path.relative(ROOT, file);
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value !== 'function') {
        // Next accepts only async functions from a 'use server' module; anything else fails the build.
        if (exportName !== 'default' || value !== undefined) undeclared.push(`${rel}#${exportName} (not a function: move it out of the 'use server' module)`);
        continue;
      }
      const fn = value as ActionFn;
      if (!fn.definition || typeof fn.definition.name !== 'string') {
        undeclared.push(`${rel}#${exportName}`);
        continue;
      }
      actions.push({ name: fn.definition.name, file: rel, exportName, fn, definition: fn.definition });
    }
  }
  return { actions, undeclared };
}

export type PageRoute = {
  /** The URL pattern, route groups removed: /clients/[clientId]. */
  route: string;
  file: string;
  /** Layouts from the root down to the page's own folder. */
  layouts: string[];
  dynamicSegments: string[];
};

/** Every page of the App Router, from the file system. */
export function listPages(): PageRoute[] {
  const appDir = path.join(ROOT, 'app');
  return walk(appDir, (f) => /[\\/]page\.(tsx|ts|jsx|js)$/.test(f)).map((file) => {
    const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter(Boolean);
    const urlSegments = segments.filter((s) => !(s.startsWith('(') && s.endsWith(')')) && !s.startsWith('@'));
    const layouts: string[] = [];
    for (let i = 0; i <= segments.length; i += 1) {
      const dir = path.join(appDir, ...segments.slice(0, i));
      const layout = ['layout.tsx', 'layout.ts'].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
      if (layout) layouts.push(layout);
    }
    return {
      route: `/${urlSegments.join('/')}`,
      file,
      layouts,
      dynamicSegments: urlSegments.filter((s) => s.startsWith('[')).map((s) => s.replace(/^\[+\.*|\]+$/g, '')),
    };
  });
}

/** Route handlers (route.ts): public endpoints too, listed so each is accounted for. */
export function listRouteHandlers(): string[] {
  const appDir = path.join(ROOT, 'app');
  return walk(appDir, (f) => /[\\/]route\.(ts|js)$/.test(f)).map((file) => {
    const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !(s.startsWith('(') && s.endsWith(')')));
    return `/${segments.join('/')}`;
  });
}
