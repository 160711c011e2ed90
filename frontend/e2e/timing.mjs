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

/**
 * Opens the queue `times` times, each in a fresh context with an empty HTTP cache but the
 * session cookies of `signedIn` (so the app signs in silently, as a new tab would), and records
 * the bytes of scripts and stylesheets and the time from navigation start to the first row of
 * the queue. Returns the last measurement.
 */
export async function firstLoad(browser, signedIn, url, times = 3, viewport = { width: 1280, height: 900 }) {
  const storageState = await signedIn.storageState();
  let last;
  for (let i = 0; i < times; i++) {
    const context = await browser.newContext({ viewport, storageState });
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The moment the first queue row is in the document, in the page's own clock (0 = navigation start).
      new MutationObserver((_, observer) => {
        if (document.querySelector('ul.tickets > li')) {
          window.__firstRowAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.locator('ul.tickets > li').first().waitFor();
    last = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const assets = performance.getEntriesByType('resource')
        .filter((r) => new URL(r.name).origin === location.origin && /\.(m?js|css)(\?|$)/.test(new URL(r.name).pathname));
      const sum = (key, list = assets) => list.reduce((n, r) => n + r[key], 0);
      const scripts = assets.filter((r) => /\.m?js(\?|$)/.test(r.name));
      const styles = assets.filter((r) => /\.css(\?|$)/.test(r.name));
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
    await context.close();
  }
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
