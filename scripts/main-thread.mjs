// The page's main-thread CPU time at load, from a Chrome trace: the thread time (not wall time) of every task on the
// renderer's main thread from navigation to two seconds after `load`, unthrottled. Wall-clock numbers on a machine
// shared with builds stretch with its load; a task's thread time is what its own work cost, so this moves when the
// page's work changes, not when a neighbour compiles. Used by scripts/lighthouse.mjs (`--cpu N`).
import { chromium } from '@playwright/test';

const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'v8.run', 'v8.callFunction', 'v8.evaluateModule', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'FireIdleCallback']);
const STYLE = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'ParseAuthorStyleSheet']);

/** Sum of thread time of the outermost events whose name is in `names` (nested ones are inside their parent). */
function outermost(events, names) {
  let total = 0;
  let end = -1;
  for (const e of events) {
    if (!names.has(e.name) || e.tdur === undefined) continue;
    if (e.ts < end) continue;
    total += e.tdur;
    end = e.ts + e.dur;
  }
  return total / 1000;
}

/** One load of `url` with a phone-sized viewport; returns milliseconds of main-thread CPU by kind. */
async function traceOnce(browser, url, cookie) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, extraHTTPHeaders: cookie ? { cookie } : {} });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(2000);
    await cdp.send('Tracing.end');
    await complete;
    // The page's renderer: the main thread that evaluated the page's own scripts.
    const { pathname } = new URL(url);
    const owner = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.includes(pathname)) ?? events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes('/_next/'));
    if (!owner) throw new Error(`No page renderer found in the trace of ${url}.`);
    const main = events.filter((e) => e.pid === owner.pid && e.tid === owner.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const tasks = main.filter((e) => e.name === 'RunTask' && e.tdur !== undefined);
    return {
      total: tasks.reduce((s, e) => s + e.tdur, 0) / 1000,
      script: outermost(main, SCRIPT),
      style: outermost(main, STYLE),
      longTasks: tasks.filter((e) => e.tdur > 50_000).length,
      longest: Math.max(0, ...tasks.map((e) => e.tdur)) / 1000,
    };
  } finally {
    await context.close();
  }
}

/** Median over `runs` loads of each page: { [page]: { total, script, style, longTasks, longest } } in ms. */
export async function mainThreadCpu(pages, runs, chromiumPath) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  try {
    const samples = new Map(pages.map(([label]) => [label, []]));
    for (let i = 0; i < runs; i++) for (const [label, url, cookie] of pages) samples.get(label).push(await traceOnce(browser, url, cookie));
    return Object.fromEntries(
      [...samples].map(([label, xs]) => [label, Object.fromEntries(Object.keys(xs[0]).map((k) => [k, median(xs.map((x) => x[k]))]))]),
    );
  } finally {
    await browser.close();
  }
}
