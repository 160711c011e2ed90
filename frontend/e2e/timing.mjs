// What the browser test measures and prints: the web app's first load (bytes of script and CSS,
// compressed and not; time from navigation start to the queue's first row, signed in) and how long
// the main actions take (click → screen updated). Figures only, never asserted: a test that fails
// on a slow machine would test the machine. Kept apart from desk.e2e.mjs so that the same
// measurements can be run against an older commit.

const samples = new Map();

/** Runs `action` (a click) and `until` (waits for the screen to show its result); records the time between. */
export async function timed(label, action, until) {
  const started = performance.now();
  await action();
  await until();
  const ms = performance.now() - started;
  if (!samples.has(label)) samples.set(label, []);
  samples.get(label).push(ms);
  return ms;
}

/** Records a figure measured some other way. */
export function record(label, ms) {
  if (!samples.has(label)) samples.set(label, []);
  samples.get(label).push(ms);
}

/**
 * Reloads `page` (signed in, showing the queue) `times` times with the browser's HTTP cache
 * emptied first, and records the bytes of scripts and stylesheets and the time from navigation
 * start to the first row of the queue, signed in (whatever the app does to restore its sign-in on
 * a reload is included). Returns the last measurement.
 */
export async function firstLoad(page, times = 3) {
  const cdp = await page.context().newCDPSession(page);
  await page.addInitScript(() => {
    // The moment the first queue row is in the document, in the page's own clock (0 = navigation start).
    new MutationObserver((_, observer) => {
      if (document.querySelector('ul.tickets > li')) {
        window.__firstRowAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  let last;
  for (let i = 0; i < times; i++) {
    await cdp.send('Network.clearBrowserCache');
    await page.reload();
    await page.locator('ul.tickets > li').first().waitFor();
    last = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const assets = performance.getEntriesByType('resource')
        .filter((r) => new URL(r.name).origin === location.origin && /\.(m?js|css)$/.test(new URL(r.name).pathname));
      const sum = (key, list = assets) => list.reduce((n, r) => n + r[key], 0);
      const scripts = assets.filter((r) => /\.m?js$/.test(new URL(r.name).pathname));
      const styles = assets.filter((r) => /\.css$/.test(new URL(r.name).pathname));
      return {
        files: assets.length,
        transferred: sum('transferSize'),
        compressed: sum('encodedBodySize'),
        uncompressed: sum('decodedBodySize'),
        scripts: { compressed: sum('encodedBodySize', scripts), uncompressed: sum('decodedBodySize', scripts) },
        styles: { compressed: sum('encodedBodySize', styles), uncompressed: sum('decodedBodySize', styles) },
        html: nav ? nav.encodedBodySize : 0,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0,
        firstRow: window.__firstRowAt,
      };
    });
    for (const [label, value] of [['first load: navigation start → DOMContentLoaded', last.domContentLoaded],
      ['first load: navigation start → first queue row (signed in)', last.firstRow]]) {
      if (!samples.has(label)) samples.set(label, []);
      samples.get(label).push(value);
    }
  }
  await cdp.detach();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`e2e: figure: first-load size: ${last.files} script/CSS files, ${kb(last.transferred)} transferred`
    + ` (${kb(last.compressed)} compressed bodies, ${kb(last.uncompressed)} uncompressed);`
    + ` scripts ${kb(last.scripts.compressed)} / ${kb(last.scripts.uncompressed)},`
    + ` CSS ${kb(last.styles.compressed)} / ${kb(last.styles.uncompressed)}, index.html ${kb(last.html)}`);
  return last;
}

/** Prints every recorded figure: median, and the samples it came from. */
export function printTimings() {
  for (const [label, values] of samples) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    console.log(`e2e: figure: ${label}: median ${Math.round(median)} ms over ${values.length}`
      + ` (${values.map((v) => Math.round(v)).join(', ')})`);
  }
}
