// The timing part of the browser test on its own, for comparing two builds of the web app (say,
// before and after a change): against a desk started with `./mvnw -Prun -DskipTests package`
// (demo users), it measures the first load and three rounds of the main path (claim next, add
// evidence, save the verdict, submit, approve, publish) and prints the figures. It uses only what
// every version of the app has had, so the same file runs against older commits.
//   FACTDESK_URL=http://localhost:8080 KEYCLOAK_URL=http://localhost:8180 CHROMIUM=/usr/bin/chromium node e2e/timings.mjs
import { chromium } from 'playwright-core';
import { firstLoad, printTimings, record, timed } from './timing.mjs';

const base = process.env.FACTDESK_URL ?? 'http://localhost:8080';
const keycloak = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
const run = Date.now().toString(36);
const ROUNDS = 3;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
try {
  const alice = await signIn('alice');
  await firstLoad(alice);
  const bob = await signIn('bob');
  const carol = await signIn('carol');
  const token = await passwordToken('carol');
  for (let round = 1; round <= ROUNDS; round++) {
    const text = `Timing round ${run}-${round}: the tunnel cost 9 million.`;
    const response = await fetch(`${base}/api/claims`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, language: 'en', priority: 'URGENT', deadline: '2000-01-01T00:00:00Z' }),
    });
    if (response.status !== 201) throw new Error(`POST /api/claims: ${response.status}`);
    const ticket = (await response.json()).ticketId;

    await alice.goto(`${base}/#/queue`);
    await alice.locator('ul.tickets > li').first().waitFor();
    await timed('claim next (click → ticket shown)', () => alice.getByRole('button', { name: 'Claim next' }).click(),
      () => alice.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor());
    await alice.getByRole('button', { name: 'New evidence' }).click();
    const form = alice.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('Source URL').fill('https://budget.example.org/tunnel');
    await form.getByLabel('Title').fill(`Tunnel accounts ${run}-${round}`);
    await form.getByLabel('Excerpt').fill('Final cost: 12 million.');
    await timed('save evidence (click → listed)', () => form.getByRole('button', { name: 'Add evidence' }).click(),
      () => alice.getByRole('form', { name: 'Verdict draft' }).getByText(`Tunnel accounts ${run}-${round}`).waitFor());
    const verdict = alice.getByRole('form', { name: 'Verdict draft' });
    await verdict.getByLabel('Rating').selectOption({ label: 'False' });
    await verdict.getByLabel('Headline').fill(`The tunnel ${run}-${round} cost 12 million`);
    await verdict.getByLabel('Summary').fill('The accounts say 12 million.');
    await verdict.getByLabel('Explanation').fill('See the accounts.');
    await verdict.getByRole('checkbox').first().check();
    await timed('save verdict draft (click → saved)', () => verdict.getByRole('button', { name: 'Save draft' }).click(),
      () => alice.waitForResponse((r) => r.url().endsWith(`/api/tickets/${ticket}/verdict`) && r.request().method() === 'PUT'));
    await timed('submit (click → In review)', () => alice.getByRole('button', { name: 'Submit for review' }).click(),
      () => alice.getByText('In review', { exact: true }).first().waitFor());

    await bob.goto(`${base}/#/tickets/${ticket}`);
    await bob.getByRole('button', { name: 'Approve' }).waitFor();
    // Approve asks first in newer versions: time from the click that sends it.
    let started = performance.now();
    await bob.getByRole('button', { name: 'Approve' }).click();
    const approved = bob.getByText('Approved', { exact: true }).first();
    const dialog = bob.getByRole('dialog');
    await Promise.race([approved.waitFor(), dialog.waitFor()]);
    if (await dialog.isVisible()) {
      started = performance.now();
      await dialog.getByRole('button', { name: 'Approve' }).click();
    }
    await approved.waitFor();
    record('approve (click that sends it → Approved)', performance.now() - started);

    await carol.goto(`${base}/#/tickets/${ticket}`);
    await carol.getByRole('button', { name: 'Publish now' }).click();
    await timed('publish (confirm → Published)', () => carol.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click(),
      () => carol.getByText('Published', { exact: true }).first().waitFor());
  }
  printTimings();
} finally {
  await browser.close();
}

async function signIn(who) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${base}/#/queue`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(who);
  await page.locator('#password').fill(who);
  await page.locator('#kc-login').click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.locator('ul.tickets > li').first().waitFor();
  return page;
}

async function passwordToken(user) {
  const response = await fetch(`${keycloak}/realms/factdesk/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'factdesk-web', username: user, password: user }),
  });
  if (!response.ok) throw new Error(`token for ${user}: ${response.status}`);
  return (await response.json()).access_token;
}
