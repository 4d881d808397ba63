// Fails when a route's first-load JavaScript passes its budget (run after `next build`; CI runs it).
//
// Reads the build's .next/diagnostics/route-bundle-stats.json, gzips each route's first-load chunks and compares
// the total with an empty page of the same build (/_not-found). Also: no chart code (recharts) in the first load of
// any route. Chart pages load their charts lazily, so no page pulls chart code by loading or prefetching a route:
// a <Link> prefetch loads the target route's first-load chunks, and those never hold the chart.
import fs from 'node:fs';
import zlib from 'node:zlib';

const KB = 1024;
const EMPTY_PAGE = '/_not-found';
/** Budgets in gzip bytes over the empty page. Routes not named here are reported but unbudgeted. */
const BUDGETS = {
  '/caseload': 25 * KB,
  '/portal/check-in': 15 * KB,
  '/portal/homework/[occurrenceId]': 15 * KB,
  '/clients/[clientId]': 130 * KB,
  '/portal/progress': 130 * KB,
};
const CHART_CODE = /recharts/;

const statsPath = '.next/diagnostics/route-bundle-stats.json';
if (!fs.existsSync(statsPath)) {
  console.error(`check:bundles: no ${statsPath}; run \`next build\` first.`);
  process.exit(1);
}
const stats = JSON.parse(fs.readFileSync(statsPath, 'utf8'));
const sizes = new Map();
const charts = new Map();
const gzipped = (file) => {
  if (!sizes.has(file)) {
    const source = fs.readFileSync(file);
    sizes.set(file, zlib.gzipSync(source, { level: 9 }).length);
    charts.set(file, CHART_CODE.test(source.toString('utf8')));
  }
  return sizes.get(file);
};
const total = (route) => route.firstLoadChunkPaths.reduce((sum, file) => sum + gzipped(file), 0);

const empty = stats.find((r) => r.route === EMPTY_PAGE);
if (!empty) {
  console.error(`check:bundles: the build lists no ${EMPTY_PAGE} route to compare with.`);
  process.exit(1);
}
const floor = total(empty);
const failures = [];
for (const route of Object.keys(BUDGETS)) {
  if (!stats.some((r) => r.route === route)) failures.push(`${route}: not in the build (renamed? update the budget)`);
}
const rows = stats
  .map((r) => ({
    route: r.route,
    over: total(r) - floor,
    chartChunks: r.firstLoadChunkPaths.filter((f) => charts.get(f)),
  }))
  .sort((a, b) => b.over - a.over);

console.log(`first-load JS over the empty page (${EMPTY_PAGE}, ${(floor / KB).toFixed(1)} kB gzip):`);
for (const r of rows) {
  const budget = BUDGETS[r.route];
  const over = budget !== undefined && r.over > budget;
  const status =
    budget === undefined ? '' : over ? `  FAIL (budget +${budget / KB} kB)` : `  ok (budget +${budget / KB} kB)`;
  console.log(
    `  ${r.route.padEnd(36)} +${(r.over / KB).toFixed(1).padStart(6)} kB${r.chartChunks.length ? '  [chart code]' : ''}${status}`,
  );
  if (over) failures.push(`${r.route}: +${(r.over / KB).toFixed(1)} kB over the empty page, budget +${budget / KB} kB`);
  if (r.chartChunks.length)
    failures.push(`${r.route}: chart code in its first load (${r.chartChunks.join(', ')}); load the chart lazily`);
}
if (failures.length) {
  console.error(`\ncheck:bundles: ${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\ncheck:bundles: every budget met, no chart code in any first load.');
