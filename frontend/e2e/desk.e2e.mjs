// The desk's day in a real headless Chromium, against the packaged server, Keycloak and
// PostgreSQL (started by WebAppIT, which passes FACTDESK_URL, KEYCLOAK_URL and CHROMIUM): each
// role's day (fact-checker, reviewer, editor, admin: notifications and @mentions, search, the
// shortcuts help, the public-page preview, bulk actions, duplicates, the admin sections), the
// requester's loop (a tip through the form, a claim made of it, the answer in the requester's real
// mailbox, the status page), then the
// main path, the bell, search and admin at phone width, the main path by keyboard only, and a source's
// preserved copy (a page served from here, captured by the desk, opened in its safe view: no script
// runs). Every screen visited goes through checkScreen (axe, WCAG 2 A/AA: no serious or
// critical violation; no sideways scroll). The first load and the main actions are timed and
// printed ("e2e: figure: …" lines), never asserted.
// Each step prints a line; the first failure saves a screenshot under target/e2e and exits 1.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { firstLoad, printTimings, timed } from './timing.mjs';
import { waitForMail } from './mailbox.mjs';

const base = required('FACTDESK_URL');
const keycloak = required('KEYCLOAK_URL');
const run = Date.now().toString(36);
const shots = fileURLToPath(new URL('../../target/e2e/', import.meta.url));
const LIVE_MS = 5000; // "within a second or two", with room for a busy CI machine
// The server works its capture queue every 2 s; an unreachable source fails at once (no DNS answer),
// a page on loopback takes a moment more.
const CAPTURE_MS = 30000;
const origin = new URL(base).origin;
const PHONE = { width: 390, height: 844 };

/**
 * Screens reached by a route rather than through the main navigation (which visitNav walks for
 * each role): [who, name, path]. A new screen is one line here, or one checkScreen call where the
 * walk reaches it.
 */
const EXTRA_SCREENS = [
  ['dave', 'admin: rating scales', '/admin/rating-scales'],
  ['dave', 'admin: webhooks', '/admin/webhooks'],
  ['dave', 'admin: desk settings', '/admin/settings'],
  ['dave', 'admin: people', '/admin/people'],
  ['dave', 'prior reviews (as admin)', '/prior-reviews'],
];

const browser = await chromium.launch({
  executablePath: required('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let current = 'start';
const pages = [];
const checked = [];
try {
  await main();
  console.log(`e2e: axe and sideways scroll checked on ${checked.length} screens: ${checked.join('; ')}`);
  printTimings();
  console.log('e2e: all steps passed');
} catch (e) {
  console.error(`e2e: FAILED at "${current}": ${e.stack ?? e}`);
  printTimings();
  mkdirSync(shots, { recursive: true });
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: `${shots}${i}-${page.who}.png`, fullPage: true }).catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}

async function main() {
  const visitor = await step('the web app is served with its Content-Security-Policy, index.html revalidated, assets immutable and gzip-compressed', async () => {
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
    const script = assets.find((a) => a.url().endsWith('.js'));
    if (!script) throw new Error('no script under /assets/');
    const encoding = (await script.allHeaders())['content-encoding'];
    if (encoding !== 'gzip') throw new Error(`${script.url()}: Content-Encoding ${encoding}, asked with ${(await script.request().allHeaders())['accept-encoding']}`);
    return page;
  });
  await step('the sign-in page passes axe', () => checkScreen(visitor, 'sign-in page'));
  await visitor.context().close();

  const claimText = `The harbour bridge ${run} cost 40 million euros in 2024.`;
  const carolToken = await passwordToken('carol');
  let original;
  const ticket = await step('the editor files an urgent, overdue claim, and two ordinary ones for the phone and keyboard runs (API)', async () => {
    original = await fileClaimFull(carolToken, { text: claimText, claimant: 'City council', language: 'en', priority: 'URGENT',
      deadline: '2000-01-01T00:00:00Z', topics: ['infrastructure'] });
    for (const n of [1, 2]) {
      await fileClaim(carolToken, { text: `The ferry ${run}-${n} carries 900 passengers a day.`, language: 'en', priority: 'NORMAL' });
    }
    return original.ticketId;
  });

  const erin = await signIn('erin');
  await step('a second browser watches the ticket (open)', async () => {
    await erin.goto(`${base}/#/tickets/${ticket}`);
    await erin.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await erin.getByText(claimText).first().waitFor();
    await erin.getByText('Open', { exact: true }).first().waitFor();
    await checkScreen(erin, 'ticket (open)');
  });

  // ——— the fact-checker's day ———
  const alice = await signIn('alice');
  await step('alice\'s screens pass axe', () => visitNav(alice));
  await step('alice claims the next ticket', async () => {
    await alice.goto(`${base}/#/queue`);
    await alice.locator('ul.tickets > li').first().waitFor();
    await timed('claim next (click → ticket shown)', () => alice.getByRole('button', { name: 'Claim next' }).click(),
      () => alice.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor());
    await alice.getByText('In progress', { exact: true }).first().waitFor();
    await checkScreen(alice, 'ticket (in progress)');
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
    const focus = await focusInfo(alice);
    if (!focus.visible) throw new Error(`no visible focus on ${focus.name}: ${focus.style}`);
  });

  await step('alice adds evidence (twice)', async () => {
    for (const [title, stance] of [[`Council budget report ${run}`, 'REFUTES'], [`Auditor's letter ${run}`, 'REFUTES']]) {
      await alice.getByRole('button', { name: 'New evidence' }).click();
      const form = alice.getByRole('form', { name: 'Add evidence' });
      await checkScreen(alice, 'ticket (in progress, evidence form open)');
      await form.getByLabel('Source URL').fill('https://port.example.org/harbour-bridge/budget');
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Excerpt').fill('Final cost of the harbour bridge: 52 million euros.');
      await form.getByLabel('Stance').selectOption(stance);
      await timed('save evidence (click → listed)', () => form.getByRole('button', { name: 'Add evidence' }).click(),
        () => alice.getByRole('form', { name: 'Verdict draft' }).getByText(title).waitFor());
    }
  });

  await step('alice fills the verdict and submits at once, without saving: what is on screen is submitted', async () => {
    const form = alice.getByRole('form', { name: 'Verdict draft' });
    await form.getByLabel('Rating').selectOption({ label: 'False' });
    await form.getByLabel('Headline').fill(`The harbour bridge ${run} cost 50 million, not 40`);
    await form.getByLabel('Summary').fill('The council’s final accounts put the cost at 52 million euros.');
    await form.getByLabel('Explanation').fill('The budget report shows the final cost.\n\nThe claim understates it.');
    await form.getByRole('checkbox', { name: /Council budget report/ }).check();
    // A cited source whose first capture attempt has not happened yet holds the submission back;
    // this one has no DNS answer, so its first attempt fails at once and it shows as retrying.
    await captureTried(alice, `Council budget report ${run}`);
    await checkScreen(alice, 'ticket (in progress, a source not preserved, retrying)');
    await timed('submit (click → In review)', () => alice.getByRole('button', { name: 'Submit for review' }).click(),
      () => alice.locator('.screen-head').getByText('In review', { exact: true }).waitFor());
    await expectNoText(alice, /incomplete|ratingId|evidenceIds|headline is|summary is/i, 'after submitting');
    await checkScreen(alice, 'ticket (in review, as its fact-checker)');
  });

  // ——— the reviewer's day ———
  const bob = await signIn('bob');
  await step('bob\'s screens pass axe', () => visitNav(bob));
  await step('bob reads the verdict with its sources and requests changes', async () => {
    await bob.getByRole('link', { name: 'Review inbox' }).click();
    await bob.getByRole('link', { name: claimText }).first().click();
    await bob.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    const verdict = bob.getByRole('region', { name: 'Verdict' });
    await verdict.getByText(`The harbour bridge ${run} cost 50 million, not 40`).waitFor();
    await verdict.getByText(/^Cites: E\d+$/).waitFor();
    await bob.getByRole('region', { name: 'Evidence' }).getByText(`Council budget report ${run}`).waitFor();
    await checkScreen(bob, 'ticket (in review)');
    await bob.getByRole('button', { name: 'Request changes' }).click();
    const dialog = bob.getByRole('dialog');
    await dialog.getByLabel('What needs to change').fill('The report says 52 million: fix the headline.');
    await checkScreen(bob, 'request-changes dialog');
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await bob.locator('.screen-head').getByText('In progress', { exact: true }).waitFor();
    await bob.locator('.screen-head').getByText('Changes requested', { exact: true }).waitFor();
  });

  await step('alice\'s bell counts bob\'s request live; its list names Bob and links the ticket; mark all read clears it', async () => {
    const bell = alice.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor({ timeout: LIVE_MS });
    await bell.click();
    const list = alice.getByRole('dialog', { name: 'Notifications' });
    const item = list.getByRole('listitem').filter({ hasText: `Bob Reviewer requested changes on your check of ticket ${ticket}` });
    await item.getByRole('link', { name: `ticket ${ticket}` }).waitFor();
    if (await item.getByRole('link', { name: `ticket ${ticket}` }).getAttribute('href') !== `#/tickets/${ticket}`) {
      throw new Error(`the notification links elsewhere: ${await item.getByRole('link').first().getAttribute('href')}`);
    }
    await checkScreen(alice, 'notifications open');
    await list.getByRole('button', { name: 'Mark all read' }).click();
    await alice.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    await alice.getByRole('button', { name: 'Notifications, none unread' }).click(); // the bell toggles its list
    await expectGone(list);
  });

  await step('bob mentions @alice in a comment: her bell counts a MENTIONED notification, whose link opens the ticket', async () => {
    await bob.getByLabel('Comment', { exact: true }).fill(`@alice the auditor's letter ${run} also says 52 million.`);
    await bob.getByRole('button', { name: 'Add comment' }).click();
    await bob.getByRole('region', { name: /^Comments/ }).getByText(`the auditor's letter ${run} also says 52 million.`).waitFor();
    await alice.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: LIVE_MS });
    await alice.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const item = alice.getByRole('dialog', { name: 'Notifications' }).getByRole('listitem')
      .filter({ hasText: `Bob Reviewer mentioned you in a comment on ticket ${ticket}` });
    await item.getByRole('link', { name: `ticket ${ticket}` }).click();
    await alice.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await alice.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
  });

  await step('alice sees the work flagged "Changes requested" on her queue and the ticket, with bob\'s words', async () => {
    await alice.goto(`${base}/#/queue`);
    const row = alice.locator('ul.tickets > li').filter({ hasText: claimText });
    await row.getByText('Changes requested', { exact: true }).waitFor();
    await checkScreen(alice, 'queue (with work sent back)');
    await row.getByRole('link').first().click();
    await alice.locator('.screen-head').getByText('Changes requested', { exact: true }).waitFor();
    await alice.getByRole('note').filter({ hasText: 'The report says 52 million: fix the headline.' }).filter({ hasText: 'Bob' }).waitFor();
    await checkScreen(alice, 'ticket (changes requested)');
  });

  await step('alice edits the headline, the draft saves itself and says so, and she resubmits', async () => {
    const form = alice.getByRole('form', { name: 'Verdict draft' });
    await form.getByLabel('Headline').fill(`The harbour bridge ${run} cost 52 million, not 40`);
    await form.getByText(/^Saved at \d\d:\d\d$/).waitFor({ timeout: 15000 });
    await alice.getByRole('button', { name: 'Submit for review' }).click();
    await alice.locator('.screen-head').getByText('In review', { exact: true }).waitFor();
  });

  await step('alice searches from the header ("/" focuses the box): the results list the claim by its text', async () => {
    await alice.getByRole('heading', { name: `Ticket #${ticket}` }).click(); // focus out of any field
    await alice.keyboard.press('/');
    const box = alice.getByRole('searchbox', { name: 'Search claims, tickets, articles and prior reviews' });
    if (!await box.evaluate((el) => el === document.activeElement)) throw new Error('"/" did not focus the search box');
    await alice.keyboard.type(`harbour bridge ${run}`);
    await timed('search (Enter → results)', () => alice.keyboard.press('Enter'),
      () => alice.getByRole('list', { name: 'Search results' }).getByRole('link', { name: claimText }).first().waitFor());
    if (!alice.url().includes(`#/search?q=`)) throw new Error(`search is not in the URL: ${alice.url()}`);
    await checkScreen(alice, 'search results');
  });

  await step('"?" opens the keyboard shortcuts; Escape closes them and focus returns', async () => {
    const link = alice.getByRole('list', { name: 'Search results' }).getByRole('link', { name: claimText }).first();
    await link.focus();
    await alice.keyboard.press('?');
    const help = alice.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('cell', { name: 'Show these shortcuts' }).waitFor();
    await checkScreen(alice, 'keyboard shortcuts help');
    await alice.keyboard.press('Escape');
    await expectGone(help);
    if (!await link.evaluate((el) => el === document.activeElement)) throw new Error(`focus did not return: ${(await focusInfo(alice)).name}`);
  });

  await step('bob sees what changed since the last round, and Approve asks before it approves', async () => {
    await bob.reload();
    await bob.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    const changed = bob.getByRole('region', { name: 'Verdict' }).locator('.changed-since');
    await changed.getByRole('heading', { name: 'Changed since changes were requested' }).waitFor();
    if (!/headline/i.test(await changed.innerText())) throw new Error(`the headline is not listed as changed: ${await changed.innerText()}`);
    await checkScreen(bob, 'ticket (resubmitted, with changes since the last round)');
    await bob.getByRole('button', { name: 'Approve' }).click();
    const dialog = bob.getByRole('dialog');
    await dialog.getByText('Check the verdict and its sources').waitFor();
    await checkScreen(bob, 'approve dialog');
    await timed('approve (confirm → Approved)', () => dialog.getByRole('button', { name: 'Approve' }).click(),
      () => bob.locator('.screen-head').getByText('Approved', { exact: true }).waitFor());
    await checkScreen(bob, 'ticket (approved)');
  });

  // ——— the editor's day ———
  const carol = await signIn('carol');
  await step('carol\'s screens pass axe', () => visitNav(carol));
  await step('carol publishes', async () => {
    await carol.getByRole('link', { name: 'Publishing queue' }).click();
    await carol.getByRole('link', { name: claimText }).first().click();
    await carol.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await checkScreen(carol, 'ticket (approved, as editor)');
    await carol.getByRole('button', { name: 'Preview public page' }).click();
    const preview = carol.getByRole('dialog', { name: 'Preview: the public page (not published)' });
    // No script runs in a fully sandboxed frame (the browser's automation included): what it shows is its srcdoc.
    const frame = preview.locator('iframe[title="Preview of the public page"]');
    await frame.waitFor();
    if (await frame.getAttribute('sandbox') !== '') throw new Error('the preview frame is not fully sandboxed');
    const shown = await frame.getAttribute('srcdoc');
    if (!new RegExp(`<h1[^>]*>\\s*The harbour bridge ${run} cost 52 million, not 40\\s*</h1>`).test(shown)) {
      throw new Error(`the preview does not show the headline: ${shown.slice(0, 600)}`);
    }
    if ((await frame.boundingBox()).height < 100) throw new Error('the preview frame is too small to read');
    await checkScreen(carol, 'public page preview dialog', { exclude: 'iframe' }); // the public page has its own check
    await preview.getByRole('button', { name: 'Close preview' }).click();
    await expectGone(preview);
    await carol.getByRole('button', { name: 'Publish now' }).click();
    await checkScreen(carol, 'publish dialog');
    await timed('publish (confirm → Published)', () => carol.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click(),
      () => carol.locator('.screen-head').getByText('Published', { exact: true }).waitFor());
    await checkScreen(carol, 'ticket (published)');
  });

  await step('the history reads as sentences with people by name; no raw event names or subject ids anywhere', async () => {
    const history = carol.getByRole('region', { name: 'History' });
    await history.getByText(/Alice Checker claimed/).first().waitFor();
    await history.getByText(/Bob Reviewer/).first().waitFor();
    await expectNoText(carol, /\bticket\.[a-z-]+\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|a11ce000/, 'on the published ticket');
    if (await history.getByText('{').count()) throw new Error('a JSON block in the history');
  });

  await step('carol\'s dashboard counts the fact-check she published and lists the tickets behind the figure; alice sees her own', async () => {
    await open(carol, '/dashboard');
    const durations = carol.getByRole('table', { name: 'How long each stage takes' });
    const endToEnd = durations.getByRole('row', { name: /End to end/ });
    const counted = Number((await endToEnd.getByRole('cell').nth(1).innerText()).trim());
    if (!(counted >= 1)) throw new Error(`end to end counts ${counted} fact-checks after a publication`);
    await checkScreen(carol, 'dashboard (editor)');
    await endToEnd.getByRole('button').click();
    const behind = carol.getByRole('region', { name: 'Tickets behind: End to end' });
    await behind.getByRole('link', { name: `#${ticket}` }).waitFor();
    const listed = await behind.getByRole('listitem').count();
    if (listed !== Math.min(counted, 200)) throw new Error(`the figure counts ${counted} fact-checks, its tickets list ${listed}`);
    await open(alice, '/dashboard');
    await alice.getByText(/\(the tickets they submitted\)/).waitFor();
    const published = alice.getByRole('table', { name: 'Sent back, corrected, retracted' }).getByRole('row', { name: /^Published/ });
    if (!(Number((await published.getByRole('cell').nth(1).innerText()).trim()) >= 1)) throw new Error('alice\'s own figures miss her fact-check');
    if (await alice.getByRole('table', { name: 'Backlog' }).count()) throw new Error('a fact-checker is shown the desk\'s backlog');
    await checkScreen(alice, 'dashboard (fact-checker)');
  });

  await step('a published ticket shows no deadline on its card, in the list or on the board', async () => {
    await carol.goto(`${base}/#/published`);
    const row = carol.locator('ul.tickets > li').filter({ hasText: claimText });
    await row.waitFor();
    if (/Due in|Overdue/.test(await row.innerText())) throw new Error(`published row shows a deadline: ${await row.innerText()}`);
    await carol.goto(`${base}/#/board`);
    const card = carol.locator('.column').filter({ has: carol.getByRole('heading', { name: /^Published/ }) }).locator('li').filter({ hasText: claimText });
    await card.waitFor();
    if (/Due in|Overdue/.test(await card.innerText())) throw new Error(`published card shows a deadline: ${await card.innerText()}`);
    await expectNoText(carol, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'on the board');
  });

  await step('carol sets the priority of the two ferry tickets at once on the queue: the outcome is reported, the rows show it', async () => {
    await open(carol, '/queue');
    const rows = [1, 2].map((n) => carol.locator('ul.tickets > li').filter({ hasText: `The ferry ${run}-${n} ` }));
    for (const row of rows) await row.getByRole('checkbox', { name: /^Select ticket #\d+$/ }).check();
    const bar = carol.getByRole('form', { name: 'Bulk actions' });
    await bar.getByLabel(/^Action/).selectOption({ label: 'Set priority' });
    await bar.getByLabel(/^Priority/).selectOption({ label: 'High' });
    await checkScreen(carol, 'queue (two tickets selected for a bulk action)');
    await timed('bulk priority (apply → outcome)', () => bar.getByRole('button', { name: 'Apply to 2 tickets' }).click(),
      () => bar.getByRole('status').getByText('Done for 2 tickets.').waitFor());
    for (const row of rows) await row.locator('.badge.priority-high', { hasText: 'High' }).waitFor();
    await checkScreen(carol, 'queue (after a bulk action)');
  });

  await step('carol marks a second claim as a duplicate of the first: the outcome links to the original', async () => {
    const again = await fileClaimFull(carolToken, { text: `The harbour bridge ${run} cost just 40 million euros, the council says.`, language: 'en', priority: 'LOW' });
    await open(carol, `/tickets/${again.ticketId}`);
    await carol.getByRole('heading', { name: `Ticket #${again.ticketId}` }).waitFor();
    await carol.getByRole('button', { name: 'Mark as duplicate…' }).click();
    await carol.getByRole('search', { name: 'Find the original claim' }).getByLabel('Search claims').fill(claimText);
    await carol.getByRole('search', { name: 'Find the original claim' }).getByRole('button', { name: 'Search' }).click();
    await carol.getByRole('radio', { name: new RegExp(`^claim #${original.id}: `) }).check();
    await checkScreen(carol, 'ticket (mark duplicate open)');
    await carol.getByRole('button', { name: 'Mark as duplicate…' }).click();
    const dialog = carol.getByRole('dialog', { name: 'Mark as duplicate?' });
    await dialog.getByRole('button', { name: 'Mark as duplicate' }).click();
    const outcome = carol.getByRole('status').filter({ hasText: 'Marked as a duplicate of' });
    const link = outcome.getByRole('link', { name: `claim #${original.id}` });
    await link.waitFor();
    if (await link.getAttribute('href') !== `#/tickets/${ticket}`) throw new Error(`the outcome links to ${await link.getAttribute('href')}`);
    await carol.locator('.screen-head').getByText('Discarded', { exact: true }).waitFor();
    await checkScreen(carol, 'ticket (marked duplicate)');
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
    await checkScreen(reader, 'public page');
    await reader.setViewportSize(PHONE);
    await checkScreen(reader, 'public page (phone)');
  });

  await requesterLoop(carol);

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

  await step('a new tab of the same browser is signed in silently, never offering "Sign in"', async () => {
    const tab = await alice.context().newPage();
    tab.who = 'alice-new-tab';
    pages.push(tab);
    await watchPolicy(tab);
    await tab.addInitScript(() => {
      new MutationObserver(() => {
        if ([...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Sign in')) window.__offeredSignIn = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await tab.goto(`${base}/#/queue`);
    await tab.getByRole('button', { name: 'Sign out' }).waitFor();
    await tab.getByRole('button', { name: 'Claim next' }).waitFor();
    if (await tab.evaluate(() => window.__offeredSignIn === true)) throw new Error('the new tab offered "Sign in" before it signed in');
    await tab.close();
  });

  await step('an editor takes the sample article through intake: the outcome in its row, a claimed sentence not offered again, a dismissed one gone', async () => {
    const sample = readFileSync(fileURLToPath(new URL('../../src/main/resources/demo/sample-article.txt', import.meta.url)), 'utf8');
    await carol.getByRole('link', { name: 'Intake' }).click();
    await carol.getByLabel('Article URL').waitFor();
    await checkScreen(carol, 'intake');
    await carol.getByLabel('Article URL').fill(`https://news.example/russia-syria-${run}`);
    await carol.getByLabel('Title').fill('Inside Moscow’s briefings on Syria');
    await carol.getByLabel('Article text (plain text or HTML)').fill(sample);
    await carol.getByRole('button', { name: 'Analyse article' }).click();
    await carol.getByRole('heading', { name: /^Candidates/ }).waitFor();
    await checkScreen(carol, 'article');
    const candidates = carol.locator('ol.candidates > li');
    const top = (await candidates.allTextContents()).slice(0, 8).join('\n');
    for (const expected of ['satellite imagery', 'Vreshinina, a Kremlin spokesperson']) {
      if (!top.includes(expected)) throw new Error(`"${expected}" is not among the top candidates:\n${top}`);
    }
    if (top.includes('Yet, the meeting’s significance extends beyond rhetoric')) throw new Error('rhetoric proposed');
    if (/\b[A-Z]{2,}_[A-Z_]+\b/.test(top)) throw new Error(`raw values among the candidates:\n${top}`);
    const satellite = candidates.filter({ hasText: 'satellite imagery' }).first();
    await satellite.getByRole('checkbox', { name: /^Accept sentence/ }).check();
    await checkScreen(carol, 'article (a candidate being accepted)');
    await carol.getByRole('button', { name: /^Accept selected/ }).click();
    const outcome = satellite.getByRole('status').filter({ hasText: 'Accepted' });
    await outcome.waitFor();
    const box = await outcome.boundingBox();
    const viewport = carol.viewportSize();
    if (!box || box.y < 0 || box.y + box.height > viewport.height) {
      throw new Error(`the outcome is outside the viewport (at y=${box?.y}, viewport ${viewport.height} px high)`);
    }
    const articleUrl = carol.url();
    await outcome.getByRole('link').click();
    await carol.getByRole('heading', { name: /^Ticket #/ }).waitFor();
    await carol.getByText('satellite imagery', { exact: false }).first().waitFor();
    await checkScreen(carol, 'ticket (open, from intake, with its article)');
    await carol.goto(articleUrl);
    const again = carol.locator('ol.candidates > li').filter({ hasText: 'satellite imagery' }).first();
    await again.getByText(/Already a claim/).waitFor();
    if (await again.getByRole('checkbox').count()) throw new Error('a sentence already a claim can be accepted again');
    // Dismissed, a candidate leaves the list (and joins the desk's past decisions).
    const spokesperson = () => carol.locator('ol.candidates > li').filter({ hasText: 'Vreshinina, a Kremlin spokesperson' });
    await spokesperson().first().getByRole('button', { name: /^Dismiss sentence/ }).click();
    await spokesperson().first().waitFor({ state: 'detached' });
  });

  // ——— the admin's day ———
  const dave = await signIn('dave');
  await step('dave\'s screens pass axe', async () => {
    await visitNav(dave);
    await dave.goto(`${base}/#/tickets/${ticket}`);
    await dave.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await checkScreen(dave, 'ticket (published, as admin)');
  });

  await step('screens reached by route pass axe', async () => {
    const who = { alice, bob, carol, dave, erin };
    for (const [person, name, path] of EXTRA_SCREENS) {
      await who[person].goto(`${base}/#${path}`);
      await checkScreen(who[person], name);
    }
  });

  // ——— phone width ———
  const phone = await step('erin at phone width (390×844): a new tab signs in silently, her screens pass axe without sideways scroll', async () => {
    const storageState = await erin.context().storageState();
    const page = await (await browser.newContext({ viewport: PHONE, storageState })).newPage();
    page.who = 'erin-phone';
    pages.push(page);
    await watchPolicy(page);
    await page.goto(`${base}/#/queue`);
    await page.getByRole('button', { name: 'Claim next' }).waitFor();
    await visitNav(page, 'phone');
    return page;
  });
  await step('erin\'s main path at phone width: claim next, evidence, verdict, submit', async () => {
    await open(phone, '/queue');
    await timed('claim next (click → ticket shown)', () => phone.getByRole('button', { name: 'Claim next' }).click(),
      () => phone.getByRole('heading', { name: /^Ticket #/ }).waitFor());
    await phone.locator('.screen-head').getByText('In progress', { exact: true }).waitFor();
    await checkScreen(phone, 'ticket (in progress, phone)');
    await phone.getByRole('button', { name: 'New evidence' }).click();
    const form = phone.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('Source URL').fill('https://ferries.example.org/2025');
    await form.getByLabel('Title').fill(`Ferry operator statistics ${run}`);
    await form.getByLabel('Excerpt').fill('On average 640 passengers a day.');
    await checkScreen(phone, 'ticket (evidence form, phone)');
    await timed('save evidence (click → listed)', () => form.getByRole('button', { name: 'Add evidence' }).click(),
      () => phone.getByRole('form', { name: 'Verdict draft' }).getByText(`Ferry operator statistics ${run}`).waitFor());
    const verdict = phone.getByRole('form', { name: 'Verdict draft' });
    await verdict.getByLabel('Rating').selectOption({ label: 'False' });
    await verdict.getByLabel('Headline').fill('The ferry carries about 640 passengers a day');
    await verdict.getByLabel('Summary').fill('The operator counts 640 a day on average.');
    await verdict.getByLabel('Explanation').fill('The operator publishes its figures.');
    await verdict.getByRole('checkbox').first().check();
    await captureTried(phone, `Ferry operator statistics ${run}`);
    await checkScreen(phone, 'ticket (verdict filled, phone)');
    await timed('submit (click → In review)', () => phone.getByRole('button', { name: 'Submit for review' }).click(),
      () => phone.locator('.screen-head').getByText('In review', { exact: true }).waitFor());
    await checkScreen(phone, 'ticket (in review, phone)');
  });
  await step('carol\'s screens at phone width (the board, the publishing queue, intake) pass axe without sideways scroll', async () => {
    const storageState = await carol.context().storageState();
    const page = await (await browser.newContext({ viewport: PHONE, storageState })).newPage();
    page.who = 'carol-phone';
    pages.push(page);
    await watchPolicy(page);
    await page.goto(`${base}/#/queue`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await visitNav(page, 'phone');
    await page.goto(`${base}/#/tickets/${ticket}`);
    await page.getByRole('heading', { name: `Ticket #${ticket}` }).waitFor();
    await checkScreen(page, 'ticket (published, phone)');
    await page.getByRole('button', { name: /^Notifications, / }).click();
    await page.getByRole('dialog', { name: 'Notifications' }).getByRole('heading', { name: 'Notifications' }).waitFor();
    const box = await page.getByRole('dialog', { name: 'Notifications' }).boundingBox();
    if (box.x < 0 || box.x + box.width > PHONE.width) throw new Error(`the notification list is cut off: x ${box.x}, width ${box.width}`);
    await checkScreen(page, 'notifications open (phone)');
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search claims, tickets, articles and prior reviews' }).fill(`harbour bridge ${run}`);
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: claimText }).first().waitFor();
    await checkScreen(page, 'search results (phone)');
  });
  await step('dave\'s admin screens at phone width pass axe without sideways scroll', async () => {
    const storageState = await dave.context().storageState();
    const page = await (await browser.newContext({ viewport: PHONE, storageState })).newPage();
    page.who = 'dave-phone';
    pages.push(page);
    await watchPolicy(page);
    for (const [, name, path] of EXTRA_SCREENS.filter(([who]) => who === 'dave')) {
      await open(page, path);
      await checkScreen(page, `${name} (phone)`);
    }
  });

  // ——— keyboard only ———
  await step('alice\'s main path by keyboard only (Tab, Shift+Tab, Enter, Space, typing), focus always visible', async () => {
    const kb = await alice.context().newPage();
    kb.who = 'alice-keyboard';
    pages.push(kb);
    await watchPolicy(kb);
    await kb.goto(`${base}/#/queue`);
    await kb.locator('ul.tickets > li').first().waitFor();
    const keys = keyboard(kb);
    await keys.tabTo('button', 'Claim next');
    await kb.keyboard.press('Enter');
    await kb.getByRole('heading', { name: /^Ticket #/ }).waitFor();
    await kb.locator('.screen-head').getByText('In progress', { exact: true }).waitFor();
    await keys.tabTo('button', 'New evidence');
    await kb.keyboard.press('Enter');
    await keys.tabTo('input', 'Source URL');
    await kb.keyboard.type('https://ferries.example.org/keyboard');
    await keys.tabTo('input', 'Title');
    await kb.keyboard.type(`Harbour master's log ${run}`);
    await keys.tabTo('textarea', 'Excerpt');
    await kb.keyboard.type('Passenger counts for the year.');
    await keys.tabTo('button', 'Add evidence');
    await kb.keyboard.press('Enter');
    await kb.getByRole('form', { name: 'Verdict draft' }).getByText(`Harbour master's log ${run}`).waitFor();
    await keys.tabTo('select', 'Rating');
    for (let i = 0; i < 12 && await kb.evaluate(() => document.activeElement.selectedOptions?.[0]?.textContent) !== 'False'; i++) {
      await kb.keyboard.press('ArrowDown');
    }
    await keys.tabTo('input', 'Headline');
    await kb.keyboard.type('The ferry carries fewer passengers than claimed');
    await keys.tabTo('textarea', 'Summary');
    await kb.keyboard.type('The harbour master logs fewer.');
    await keys.tabTo('textarea', 'Explanation');
    await kb.keyboard.type('See the log.');
    await keys.tabTo('input', /Harbour master's log/);
    await kb.keyboard.press('Space');
    await captureTried(kb, `Harbour master's log ${run}`); // waiting, no input
    await keys.tabTo('button', 'Submit for review', 'Shift+Tab');
    await kb.keyboard.press('Enter');
    await kb.locator('.screen-head').getByText('In review', { exact: true }).waitFor();
    await expectNoText(kb, /incomplete|ratingId|evidenceIds/i, 'after submitting by keyboard');
    keys.expectFocusAlwaysVisible();
    await checkScreen(kb, 'ticket (in review, after the keyboard run)');
  });

  await preservedCopy(alice, carolToken);

  await step('first load measured (a signed-in tab reloaded 3 times with an empty cache)', async () => {
    const tab = await alice.context().newPage();
    tab.who = 'alice-first-load';
    await tab.goto(`${base}/#/queue`);
    await tab.locator('ul.tickets > li').first().waitFor();
    await firstLoad(tab);
    await tab.close();
  });

  await step('no page of the desk or the public site reported a Content-Security-Policy violation', async () => {
    const reported = pages.flatMap((p) => p.violations ?? []);
    if (reported.length) throw new Error(`CSP violations:\n${reported.join('\n')}`);
  });
}

/**
 * The one check every screen gets, once it has loaded: axe (WCAG 2.0 and 2.1, A and AA) with no
 * serious or critical violation, and nothing wider than the window (no sideways scroll).
 */
/**
 * The requester's loop: a member of the public sends a tip through the form (no account, no
 * JavaScript), an editor turns it into a claim on the Tips screen, the fact-check is published, the
 * requester's mailbox receives the answer with its link, and the status page says "Answered".
 */
async function requesterLoop(carol) {
  const rumour = `The harbour tunnel ${run} will close for five years, a neighbour heard on the radio.`;
  const requester = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  requester.who = 'requester';
  pages.push(requester);
  const statusPath = await step('a member of the public sends a tip through the form, without JavaScript, and gets a receipt', async () => {
    expectPolicy(await requester.goto(`${base}/tips/new`), 'the tip form');
    await requester.getByLabel('What do you want us to check?').fill(rumour);
    await requester.getByLabel('Your e-mail address (optional)').fill(required('REQUESTER_MAIL'));
    await requester.getByLabel('Yes, e-mail me the answer, and keep my address until then.').check();
    await requester.getByRole('button', { name: 'Send' }).click();
    await requester.getByRole('heading', { name: 'Thank you: we received your tip' }).waitFor();
    const path = await requester.getByRole('link', { name: 'Where my tip stands' }).getAttribute('href');
    await requester.goto(`${base}${path}`);
    await requester.getByText('Received: it is waiting for our team.').waitFor();
    return path;
  });
  await step('the tip pages pass axe, in English and in Spanish', async () => {
    const page = await (await browser.newContext()).newPage();
    page.who = 'requester (axe)';
    pages.push(page);
    await watchPolicy(page);
    await page.goto(`${base}/tips/new`);
    await checkScreen(page, 'tip form');
    await page.goto(`${base}/tips/new?lang=es`);
    await page.getByRole('button', { name: 'Enviar' }).waitFor();
    await checkScreen(page, 'tip form (es)');
    await page.goto(`${base}${statusPath}`);
    await checkScreen(page, 'tip status');
    await page.context().close();
  });
  const ticket = await step('carol turns the tip into a claim on the Tips screen', async () => {
    await open(carol, '/tips');
    const group = carol.getByRole('listitem').filter({ hasText: rumour });
    await checkScreen(carol, 'tips inbox');
    await group.getByRole('button', { name: 'Create claim' }).click();
    const text = group.getByLabel('Claim text');
    if (await text.inputValue() !== rumour) throw new Error(`the claim form is not prefilled: "${await text.inputValue()}"`);
    await group.getByRole('button', { name: 'Create claim' }).last().click();
    await expectGone(group);
    const attached = await api(await passwordToken('carol'), 'GET', '/api/tips?state=attached&size=100');
    const mine = attached.items.find((g) => g.text === rumour);
    if (!mine?.claim?.ticketId) throw new Error(`no attached group with the rumour: ${JSON.stringify(attached.items.map((g) => g.text))}`);
    return mine.claim.ticketId;
  });
  await step('the fact-check is published (API), and the requester\'s mailbox receives the answer with its link', async () => {
    await publishThroughApi(ticket, `No, the harbour tunnel ${run} stays open`);
    const mail = await waitForMail({
      port: Number(required('REQUESTER_IMAP_PORT')), user: required('REQUESTER_MAIL'), pass: required('REQUESTER_PASSWORD'),
      matches: (m) => (m.text ?? '').includes(`/fact-checks/${ticket}`), timeoutMs: 60_000,
    });
    if (!mail.messageId?.startsWith('<tip-answer.')) throw new Error(`the answer's Message-ID is ${mail.messageId}`);
  });
  await step('the status page says the tip is answered and links the fact-check', async () => {
    await requester.goto(`${base}${statusPath}`);
    await requester.getByText('Answered.').waitFor();
    const href = await requester.getByRole('link', { name: 'Read our fact-check' }).getAttribute('href');
    if (!href.includes(`/fact-checks/${ticket}`)) throw new Error(`the status page links ${href}`);
    await requester.context().close();
  });
}

/** Takes a ticket from OPEN to PUBLISHED through the API, as alice, bob and carol. */
async function publishThroughApi(ticket, headline) {
  const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map(passwordToken));
  await api(alice, 'POST', `/api/tickets/${ticket}/claim`, {});
  const evidence = await api(alice, 'POST', `/api/tickets/${ticket}/evidence`, {
    url: 'https://port.example.org/notices/tunnel', title: 'Port authority notice', sourceKind: 'OFFICIAL_RECORD',
    stance: 'REFUTES', accessedOn: new Date().toISOString().slice(0, 10),
  });
  const scales = await api(alice, 'GET', '/api/rating-scales?size=200');
  const rating = scales.items.find((s) => s.active).ratings.find((r) => r.label === 'False');
  await api(alice, 'PUT', `/api/tickets/${ticket}/verdict`, {
    ratingId: rating.id, headline, summary: 'The port authority plans no closure.', explanation: 'Its notices list none.',
    evidenceIds: [evidence.id],
  });
  // The submission waits for the source's first capture attempt (it has no DNS answer: it fails at once).
  await waitFor(async () => {
    const { items } = await api(alice, 'GET', `/api/tickets/${ticket}/captures?size=200`);
    return items.some((c) => c.evidenceId === evidence.id && (c.state !== 'PENDING' || c.attempts > 0));
  }, CAPTURE_MS, `the capture of evidence ${evidence.id} was not tried`);
  await api(alice, 'POST', `/api/tickets/${ticket}/submit`, {});
  await api(bob, 'POST', `/api/tickets/${ticket}/approve`, {});
  await api(carol, 'POST', `/api/tickets/${ticket}/publish`, {});
}

/**
 * A source's preserved copy, end to end: a page served from here on loopback, with an inline script
 * and an image's onerror handler that would each change its title and add an element, a stylesheet
 * and an image; the desk allowed to reach loopback (desk settings, as admin; put back afterwards);
 * alice adds it as evidence, the desk preserves it, and its safe view shows the page's own title,
 * text, style and image, with no script run and a Content-Security-Policy that sandboxes it.
 */
async function preservedCopy(alice, carolToken) {
  const title = `Harbour authority notice ${run}`;
  const text = `The harbour bridge ${run} cost 52 million euros, the authority's final accounts say.`;
  const site = await step('a small site with scripts is served on loopback', () => serveSite(title, text));
  const daveToken = await passwordToken('dave');
  const before = await api(daveToken, 'GET', '/api/settings');
  const putBack = async () => {
    const now = await api(daveToken, 'GET', '/api/settings');
    await api(daveToken, 'PUT', '/api/settings', { ...now, allowPrivateWebhookTargets: before.allowPrivateWebhookTargets });
  };
  let passed = false;
  try {
    await step('the admin lets the desk reach private addresses (desk settings, API)', async () => {
      const after = await api(daveToken, 'PUT', '/api/settings', { ...before, allowPrivateWebhookTargets: true });
      if (!after.allowPrivateWebhookTargets) throw new Error(`the setting did not change: ${JSON.stringify(after)}`);
    });
    const evidenceTitle = `Port authority notice ${run}`;
    await step('alice adds the page as evidence on a ticket of hers; the desk preserves it', async () => {
      const claim = await fileClaimFull(carolToken, { text: `The harbour bridge ${run} cost only 30 million euros.`, language: 'en', priority: 'LOW' });
      await api(await passwordToken('alice'), 'POST', `/api/tickets/${claim.ticketId}/claim`, {});
      await open(alice, `/tickets/${claim.ticketId}`);
      await alice.getByRole('heading', { name: `Ticket #${claim.ticketId}` }).waitFor();
      await alice.getByRole('button', { name: 'New evidence' }).click();
      const form = alice.getByRole('form', { name: 'Add evidence' });
      await form.getByLabel('Source URL').fill(site.url);
      await form.getByLabel('Title').fill(evidenceTitle);
      const copy = alice.getByRole('group', { name: `Preserved copy of ${evidenceTitle}` });
      await timed('preserve a source (add evidence → "Preserved" shown)', () => form.getByRole('button', { name: 'Add evidence' }).click(),
        () => copy.getByText('Preserved', { exact: true }).waitFor({ timeout: CAPTURE_MS }));
      if (!/Preserved \d{1,2} \w{3,4} \d{4}, \d\d:\d\d/.test(await copy.innerText())) throw new Error(`no date: ${await copy.innerText()}`);
      await copy.getByRole('link', { name: `WARC file of ${evidenceTitle}` }).waitFor();
      await copy.getByRole('button', { name: `Capture again: ${evidenceTitle}` }).waitFor();
      const requested = site.requests.map((r) => r.split(' ')[1]).sort();
      for (const path of ['/notice.html', '/site.css', '/bridge.png', '/broken.png']) {
        if (!requested.includes(path)) throw new Error(`the desk did not fetch ${path}; it fetched ${requested.join(', ')}`);
      }
      await checkScreen(alice, 'ticket (a source preserved)');
    });
    await step('"View preserved copy" opens the safe view in a new tab: the page\'s text, style and image, no script run, sandboxed', async () => {
      const copy = alice.getByRole('group', { name: `Preserved copy of ${evidenceTitle}` });
      const link = copy.getByRole('link', { name: `View preserved copy of ${evidenceTitle}` });
      if (await link.getAttribute('rel') !== 'noopener noreferrer') throw new Error(`rel is ${await link.getAttribute('rel')}`);
      const responses = [];
      const refused = [];
      const collect = (r) => { if (new URL(r.url()).pathname.startsWith('/preserved/')) responses.push(r); };
      const fail = (r) => refused.push(`${new URL(r.url()).pathname}: ${r.failure()?.errorText}`);
      alice.context().on('response', collect);
      alice.context().on('requestfailed', fail);
      const [view] = await Promise.all([alice.context().waitForEvent('page'), link.click()]);
      view.who = 'alice-preserved-copy';
      pages.push(view);
      await view.waitForLoadState('load');
      alice.context().off('response', collect);
      alice.context().off('requestfailed', fail);
      const href = await link.getAttribute('href');
      if (new URL(view.url()).pathname !== href) throw new Error(`the new tab shows ${view.url()}, the link is ${href}`);
      const page = responses.find((r) => new URL(r.url()).pathname === href);
      if (!page) throw new Error(`no answer for ${href} among ${responses.map((r) => r.url()).join(', ')}`);
      const policy = (await page.allHeaders())['content-security-policy'] ?? '';
      if (!policy.split(';').map((d) => d.trim()).includes('sandbox')) throw new Error(`the safe view's policy does not sandbox it: "${policy}"`);
      await view.getByText(text).waitFor();
      const seen = await view.evaluate(() => {
        const photo = document.querySelector('img[alt="The harbour bridge"]');
        return {
          title: document.title,
          injected: [...document.querySelectorAll('[id^="injected"]')].map((el) => el.outerHTML),
          body: document.body.innerText,
          photo: photo ? { complete: photo.complete, width: photo.naturalWidth, src: photo.getAttribute('src') } : null,
          letterSpacing: getComputedStyle(document.querySelector('h1')).letterSpacing,
        };
      });
      if (seen.title !== title) throw new Error(`the title is "${seen.title}", not the page's own "${title}": a script ran`);
      if (seen.injected.length || /script ran|onerror ran/.test(seen.body)) throw new Error(`a script ran: ${seen.injected.join(' ')}`);
      if (!seen.photo?.complete || seen.photo.width !== 2) {
        throw new Error(`the image is not shown: ${JSON.stringify(seen.photo)}; refused: ${refused.join('; ') || 'nothing'}`);
      }
      if (/^https?:/.test(seen.photo.src)) throw new Error(`the image comes from the live web: ${seen.photo.src}`);
      if (seen.letterSpacing !== '3px') {
        throw new Error(`the page's stylesheet did not apply (h1 letter-spacing ${seen.letterSpacing}); refused: ${refused.join('; ') || 'nothing'}`);
      }
      await view.close();
    });
    passed = true;
  } finally {
    site.server.close();
    // After a failure the report names the failed step, not this one.
    if (passed) await step('the desk setting is put back', putBack);
    else await putBack().catch((e) => console.error(`e2e: the desk setting could not be put back: ${e}`));
  }
}

/**
 * A page on 127.0.0.1 (a port of its own) for the desk to preserve: its inline script and its broken
 * image's onerror would each change the title and add an element; its stylesheet spaces the heading's
 * letters; its image is a 2×2 PNG. Every request is kept, as "METHOD path".
 */
async function serveSite(title, text) {
  const requests = [];
  const files = {
    '/notice.html': ['text/html; charset=utf-8', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/site.css"></head>
<body>
<h1>Harbour authority notice</h1>
<p>${text}</p>
<img src="/bridge.png" alt="The harbour bridge" width="40" height="40">
<img src="/broken.png" alt="" onerror="document.title = 'onerror ran'; const p = document.createElement('p'); p.id = 'injected-by-onerror'; p.textContent = 'onerror ran'; document.body.append(p);">
<script>document.title = 'script ran'; const p = document.createElement('p'); p.id = 'injected-by-script'; p.textContent = 'script ran'; document.body.append(p);</script>
</body></html>`],
    '/site.css': ['text/css', 'h1 { letter-spacing: 3px; color: #14213d; }'],
    '/bridge.png': ['image/png', png(2, 2)],
    // An image the browser cannot decode: its error event fires, if anything still listens.
    '/broken.png': ['image/png', 'not an image'],
  };
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const file = files[new URL(request.url, 'http://site').pathname];
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
      return;
    }
    response.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return { server, requests, url: `http://127.0.0.1:${server.address().port}/notice.html` };
}

/** A width×height PNG of one colour (8-bit RGB, no filter). */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [31, 95, 191]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Waits until an evidence item's capture has been tried: failed, or retrying (a source the desk
 * cannot reach), which a submission citing it no longer waits for.
 */
async function captureTried(page, title) {
  const copy = page.getByRole('group', { name: `Preserved copy of ${title}` });
  await copy.getByText(/^(Capture failed:|Retrying after:)$/).first().waitFor({ timeout: CAPTURE_MS });
}

/** Polls `condition` (async) until it holds. */
async function waitFor(condition, timeoutMs, message) {
  const deadline = Date.now() + timeoutMs;
  while (!await condition()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function api(token, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function checkScreen(page, name, { exclude } = {}) {
  const label = `${page.who}: ${name}`;
  await settled(page);
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const { violations } = await (exclude ? axe.exclude(exclude) : axe).analyze();
  const problems = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) {
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).slice(-3).map((el) => el.outerHTML.slice(0, 100)));
    problems.push(`the page scrolls sideways: ${overflow}px wider than the ${page.viewportSize().width}px window; widest: ${wide.join(' | ')}`);
  }
  if (problems.length) throw new Error(`${label}:\n  ${problems.join('\n  ')}`);
  checked.push(label);
}

/** Waits for a screen's data: its heading shown and no "Loading…" left. */
async function settled(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((el) => el.textContent.trim() === 'Loading…'));
}

/** Every screen of this person's main navigation, each through checkScreen. */
async function visitNav(page, suffix) {
  await page.goto(`${base}/#/queue`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link').first().waitFor();
  // The navigation follows the permissions /api/me grants: wait for its answer, then a render.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname === '/api/me'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  for (const [label, target] of links) {
    await page.goto(`${base}/${target}`);
    await page.locator('h1').first().waitFor();
    await checkScreen(page, suffix ? `${label.toLowerCase()} (${suffix})` : label.toLowerCase());
  }
}

/** Goes to a route of the app and waits for its screen. */
async function open(p, path) {
  await p.goto(`${base}/#${path}`);
  await settled(p);
}

/** The focused element's role-ish tag, accessible name, and whether its focus is visible. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', visible: true, style: '' };
    const name = (el.getAttribute('aria-label') || (el.labels?.[0]?.innerText) || el.innerText || el.value || '').trim();
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow && style.boxShadow !== 'none';
    return { tag: el.tagName.toLowerCase(), name, visible: outlined || shadowed, style: `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}` };
  });
}

/** Moves focus by Tab (or Shift+Tab) only, remembering every stop whose focus was not visible. */
function keyboard(page) {
  const invisible = new Set();
  return {
    async tabTo(tag, name, key = 'Tab') {
      const seen = [];
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press(key);
        const focus = await focusInfo(page);
        if (focus.tag !== 'body' && !focus.visible) invisible.add(`${focus.tag} "${focus.name.slice(0, 40)}" (${focus.style})`);
        seen.push(`${focus.tag}:${focus.name.slice(0, 30)}`);
        const nameMatches = name instanceof RegExp ? name.test(focus.name) : focus.name === name;
        if (focus.tag === tag && nameMatches) return;
      }
      throw new Error(`${key} never reached ${tag} "${name}"; stops: ${seen.slice(-40).join(' | ')}`);
    },
    expectFocusAlwaysVisible() {
      if (invisible.size) throw new Error(`focus not visible on: ${[...invisible].join('; ')}`);
    },
  };
}

/** No text matching `pattern` anywhere in the page's visible text. */
async function expectNoText(p, pattern, where) {
  const text = await p.evaluate(() => document.body.innerText);
  const match = pattern.exec(text);
  if (match) throw new Error(`"${match[0]}" shows ${where}: …${text.slice(Math.max(0, match.index - 80), match.index + 80)}…`);
}

async function fileClaim(token, claim) {
  return (await fileClaimFull(token, claim)).ticketId;
}

async function fileClaimFull(token, claim) {
  const response = await fetch(`${base}/api/claims`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(claim),
  });
  if (response.status !== 201) throw new Error(`POST /api/claims answered ${response.status}: ${await response.text()}`);
  return response.json();
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
