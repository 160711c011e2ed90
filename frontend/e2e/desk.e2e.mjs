// The desk's day in a real headless Chromium, against the packaged server, Keycloak and
// PostgreSQL (started by WebAppIT, which passes FACTDESK_URL, KEYCLOAK_URL and CHROMIUM).
// Each step prints a line; the first failure saves a screenshot under target/e2e and exits 1.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const base = required('FACTDESK_URL');
const keycloak = required('KEYCLOAK_URL');
const run = Date.now().toString(36);
const shots = fileURLToPath(new URL('../../target/e2e/', import.meta.url));
const LIVE_MS = 5000; // "within a second or two", with room for a busy CI machine
const origin = new URL(base).origin;

const browser = await chromium.launch({
  executablePath: required('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let current = 'start';
const pages = [];
try {
  await main();
  console.log('e2e: all steps passed');
} catch (e) {
  console.error(`e2e: FAILED at "${current}": ${e.stack ?? e}`);
  mkdirSync(shots, { recursive: true });
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: `${shots}${i}-${page.who}.png`, fullPage: true }).catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}

async function main() {
  await step('the web app is served with its Content-Security-Policy, index.html revalidated, assets immutable', async () => {
    const page = await (await browser.newContext()).newPage();
    page.who = 'visitor';
    pages.push(page);
    await watchPolicy(page);
    const assets = [];
    page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/assets/')) assets.push(r); });
    const index = await page.goto(`${base}/`);
    expectPolicy(index, 'the web app');
    if (index.headers()['cache-control'] !== 'no-cache') throw new Error(`index.html: Cache-Control ${index.headers()['cache-control']}`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    if (!assets.length) throw new Error('no /assets/ file loaded');
    for (const asset of assets) {
      if (asset.headers()['cache-control'] !== 'public, max-age=31536000, immutable') {
        throw new Error(`${asset.url()}: Cache-Control ${asset.headers()['cache-control']}`);
      }
    }
    await page.context().close();
  });

  const claimText = `The harbour bridge ${run} cost 40 million euros in 2024.`;
  const ticket = await step('the editor files an urgent, overdue claim (API)', async () => {
    const token = await passwordToken('carol');
    const response = await fetch(`${base}/api/claims`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: claimText, claimant: 'City council', language: 'en', priority: 'URGENT',
        deadline: '2000-01-01T00:00:00Z', topics: ['infrastructure'] }),
    });
    if (response.status !== 201) throw new Error(`POST /api/claims answered ${response.status}: ${await response.text()}`);
    return (await response.json()).ticketId;
  });

  const erin = await signIn('erin');
  await step('a second browser watches the ticket', async () => {
    await erin.goto(`${base}/#/tickets/${ticket}`);
    await erin.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await erin.getByText(claimText).first().waitFor();
    await erin.getByText('Open', { exact: true }).first().waitFor();
  });

  const alice = await signIn('alice');
  await step('alice claims the next ticket', async () => {
    await alice.getByRole('button', { name: 'Claim next' }).click();
    await alice.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await alice.getByText('In progress', { exact: true }).first().waitFor();
  });

  await step('the second browser sees the claim happen live', async () => {
    await erin.getByText('In progress', { exact: true }).first().waitFor({ timeout: LIVE_MS });
    await expectGone(erin.getByRole('button', { name: 'Claim', exact: true }));
  });

  await step('every control of the workspace has a label, and focus is visible', async () => {
    const unlabelled = await alice.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => el.type !== 'hidden')
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
        || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.outerHTML.slice(0, 120)));
    if (unlabelled.length) throw new Error(`controls without a label:\n${unlabelled.join('\n')}`);
    await alice.getByRole('button', { name: 'New evidence' }).focus();
    await alice.keyboard.press('Tab');
    const outline = await alice.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? 'visible' : `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
    });
    if (outline !== 'visible' && !outline.includes('rgb')) throw new Error(`no visible focus: ${outline}`);
  });

  await step('alice adds evidence', async () => {
    await alice.getByRole('button', { name: 'New evidence' }).click();
    const form = alice.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('Source URL').fill('https://budget.example.org/harbour-bridge');
    await form.getByLabel('Title').fill(`Council budget report ${run}`);
    await form.getByLabel('Excerpt').fill('Final cost of the harbour bridge: 52 million euros.');
    await form.getByLabel('Stance').selectOption('REFUTES');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await alice.getByText(`Council budget report ${run}`).first().waitFor();
  });

  await step('alice drafts the verdict and submits it', async () => {
    const form = alice.getByRole('form', { name: 'Verdict draft' });
    await form.getByLabel('Rating').selectOption({ label: 'False' });
    await form.getByLabel('Headline').fill(`The harbour bridge ${run} cost 52 million, not 40`);
    await form.getByLabel('Summary').fill('The council’s final accounts put the cost at 52 million euros.');
    await form.getByLabel('Explanation').fill('The budget report shows the final cost.\n\nThe claim understates it.');
    await form.getByRole('checkbox').first().check();
    const saved = alice.waitForResponse((r) => r.url().endsWith(`/api/tickets/${ticket}/verdict`) && r.request().method() === 'PUT');
    await form.getByRole('button', { name: 'Save draft' }).click();
    if ((await saved).status() !== 200) throw new Error(`saving the draft answered ${(await saved).status()}`);
    await alice.getByRole('button', { name: 'Submit for review' }).click();
    await alice.getByText('In review', { exact: true }).first().waitFor();
  });

  const bob = await signIn('bob');
  await step('bob approves in another browser context', async () => {
    await bob.getByRole('link', { name: 'Review inbox' }).click();
    await bob.getByRole('link', { name: claimText }).first().click();
    await bob.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await bob.getByRole('button', { name: 'Approve' }).click();
    await bob.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await bob.getByText('Approved', { exact: true }).first().waitFor();
  });

  const carol = await signIn('carol');
  await step('carol publishes', async () => {
    await carol.getByRole('link', { name: 'Publishing queue' }).click();
    await carol.getByRole('link', { name: claimText }).first().click();
    await carol.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await carol.getByRole('button', { name: 'Publish now' }).click();
    await carol.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click();
    await carol.getByText('Published', { exact: true }).first().waitFor();
  });

  await step('the public page shows the verdict', async () => {
    const reader = await (await browser.newContext()).newPage();
    reader.who = 'reader';
    pages.push(reader);
    await watchPolicy(reader);
    expectPolicy(await reader.goto(`${base}/fact-checks/${ticket}`), 'the public page');
    await reader.getByRole('heading', { name: `The harbour bridge ${run} cost 52 million, not 40` }).waitFor();
    await reader.getByText('False').first().waitFor();
    const jsonLd = await reader.locator('script[type="application/ld+json"]').textContent();
    if (!jsonLd.includes('"ClaimReview"') || !jsonLd.includes(claimText)) throw new Error(`ClaimReview missing: ${jsonLd}`);
    const styled = await reader.locator('.rating').evaluate((el) => getComputedStyle(el).fontWeight);
    if (styled !== '700') throw new Error(`the page's stylesheet did not apply (rating font-weight ${styled})`);
  });

  await step('the policy is enforced and its violations are seen: an injected inline script is refused', async () => {
    const probe = await (await browser.newContext()).newPage();
    probe.who = 'probe';
    await watchPolicy(probe);
    await probe.goto(`${base}/fact-checks/${ticket}`);
    const ran = await probe.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true;';
      document.head.append(script);
      return window.inlineScriptRan === true;
    });
    if (ran) throw new Error('an inline script ran on the public page');
    await waitUntil(() => probe.violations.length > 0, 'the refused inline script was not reported');
    await probe.context().close();
  });

  await step('the queue works on a phone-width screen', async () => {
    const storageState = await alice.context().storageState();
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 800 }, storageState })).newPage();
    phone.who = 'alice-phone';
    pages.push(phone);
    await watchPolicy(phone);
    await phone.goto(`${base}/#/queue`);
    // Keycloak's session cookie: a new tab signs in silently (hidden iframe, prompt=none), no click.
    await phone.getByRole('button', { name: 'Claim next' }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) throw new Error(`the page is ${overflow}px wider than a 390px screen`);
  });

  await step('an editor takes the sample article through intake', async () => {
    const sample = readFileSync(fileURLToPath(new URL('../../src/main/resources/demo/sample-article.txt', import.meta.url)), 'utf8');
    await carol.getByRole('link', { name: 'Intake' }).click();
    await carol.getByLabel('Article URL').fill(`https://news.example/russia-syria-${run}`);
    await carol.getByLabel('Title').fill('Inside Moscow’s briefings on Syria');
    await carol.getByLabel('Article text (plain text or HTML)').fill(sample);
    await carol.getByRole('button', { name: 'Analyse article' }).click();
    await carol.getByRole('heading', { name: /^Candidates/ }).waitFor();
    const candidates = carol.locator('ol.candidates > li');
    const top = (await candidates.allTextContents()).slice(0, 8).join('\n');
    for (const expected of ['satellite imagery', 'October 15th meeting']) {
      if (!top.includes(expected)) throw new Error(`"${expected}" is not among the top candidates:\n${top}`);
    }
    if (top.includes('Yet, the meeting’s significance extends beyond rhetoric')) throw new Error('rhetoric proposed');
    const satellite = candidates.filter({ hasText: 'satellite imagery' }).first();
    await satellite.getByRole('checkbox', { name: /^Accept sentence/ }).check();
    await carol.getByRole('button', { name: /^Accept selected/ }).click();
    await satellite.getByRole('status').filter({ hasText: 'Accepted' }).getByRole('link').click();
    await carol.getByRole('heading', { name: /^Ticket #/ }).waitFor();
    await carol.getByText('satellite imagery', { exact: false }).first().waitFor();
  });

  await step('no page of the desk or the public site reported a Content-Security-Policy violation', async () => {
    const reported = pages.flatMap((page) => page.violations ?? []);
    if (reported.length) throw new Error(`CSP violations:\n${reported.join('\n')}`);
  });
}

/** The answer carries the strict policy: scripts and styles from the origin only, nothing inline. */
function expectPolicy(response, what) {
  const policy = response?.headers()['content-security-policy'];
  if (!policy) throw new Error(`${what}: no Content-Security-Policy header`);
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  for (const [directive, expected] of [['script-src', "'self'"], ['style-src', "'self'"], ['object-src', "'none'"],
    ['frame-ancestors', "'none'"]]) {
    if (directives[directive] !== expected) throw new Error(`${what}: ${directive} is "${directives[directive]}" in ${policy}`);
  }
}

/**
 * Collects the policy's violations on this origin's documents: the document's
 * securitypolicyviolation events (listened to from a script the DevTools protocol adds to every
 * document, which the policy does not govern) and Chromium's own console reports.
 */
async function watchPolicy(page) {
  page.violations = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} in ${e.documentURI}`
        + ` (${e.sourceFile || 'document'}:${e.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    const onOrigin = URL.canParse(page.url()) && new URL(page.url()).origin === origin;
    if (onOrigin && (text.startsWith('securitypolicyviolation:') || text.includes('Content Security Policy'))) {
      page.violations.push(`[${page.who}] ${page.url()}: ${text}`);
    }
  });
}

async function waitUntil(condition, message) {
  const deadline = Date.now() + LIVE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(who) {
  return step(`${who} signs in through Keycloak`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.who = who;
    pages.push(page);
    await watchPolicy(page);
    page.on('pageerror', (e) => console.error(`[${who}] page error: ${e.message}`));
    expectPolicy(await page.goto(`${base}/#/queue`), 'the web app');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#username').fill(who);
    await page.locator('#password').fill(who);
    await page.locator('#kc-login').click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  });
}

async function step(name, action) {
  current = name;
  const started = Date.now();
  const result = await action();
  console.log(`e2e: ✓ ${name} (${Date.now() - started} ms)`);
  return result;
}

async function expectGone(locator) {
  await locator.waitFor({ state: 'detached', timeout: LIVE_MS });
}

async function passwordToken(user) {
  const response = await fetch(`${keycloak}/realms/factdesk/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'factdesk-web', username: user, password: user }),
  });
  if (!response.ok) throw new Error(`token for ${user}: ${response.status}`);
  return (await response.json()).access_token;
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through WebAppIT (./mvnw verify)`);
  return value;
}
