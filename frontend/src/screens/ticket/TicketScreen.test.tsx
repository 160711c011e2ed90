import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskContext } from '../../desk';
import { fakeDesk, json } from '../../testing/fakeDesk';
import type { TicketPermissions } from '../../types';
import { TicketScreen } from './TicketScreen';

const ARTICLE_TEXT = 'Intro <script>alert(1)</script>. The mayor said crime fell 😀 40% last year. Outro.';
const CLAIM = 'The mayor said crime fell 😀 40% last year.';

/** What the server lets the assignee do on a ticket in progress. */
const ASSIGNEE_IN_PROGRESS: TicketPermissions = {
  actions: ['release', 'submit'], edit: { claim: true, evidence: true, verdict: true, triage: false }, comment: true,
};
const NOTHING: TicketPermissions = { actions: [], edit: { claim: false, evidence: false, verdict: false, triage: false }, comment: false };
const EVERYTHING: TicketPermissions = { actions: ['release', 'submit'], edit: { claim: true, evidence: true, verdict: true, triage: true }, comment: true };

function fixtures() {
  const start = ARTICLE_TEXT.indexOf(CLAIM);
  return {
    ticket: {
      id: 12, status: 'IN_PROGRESS', assignee: 'sub-alice', deadline: '2026-01-01T10:00:00Z', overdue: true, publishAt: null,
      publishedVersions: 0, reason: null, changesRequested: false, createdAt: '2025-12-30T10:00:00Z', updatedAt: '2025-12-30T10:00:00Z', version: 3,
      claim: { id: 5, text: CLAIM, claimant: 'Mayor', language: 'en', topics: ['crime'], priority: 'HIGH', duplicateOf: null },
      permissions: ASSIGNEE_IN_PROGRESS,
    },
    claim: {
      id: 5, text: CLAIM, claimant: 'Mayor' as string | null, claimantErased: null as string | null, language: 'en', topics: ['crime'],
      articleId: 9, sourceStart: start, sourceEnd: start + CLAIM.length, duplicateOf: null, ticketId: 12,
      appearances: [{ id: 1, url: 'https://news.example/a', appearedAt: '2025-12-29T08:00:00Z' }],
      laterAppearances: [] as { id: number; url: string; appearedAt: string | null }[],
      ticketStatus: 'IN_PROGRESS', createdAt: '2025-12-30T10:00:00Z', createdBy: 'sub-carol', updatedAt: '2025-12-30T10:00:00Z', version: 1,
    },
    article: { id: 9, url: 'https://news.example/a', title: 'Crime', outlet: 'News', author: null, publishedAt: null, language: 'en', text: ARTICLE_TEXT, createdAt: '2025-12-30T10:00:00Z', createdBy: 'x', version: 0 },
    comments: [] as { id: number; ticketId: number; author: string; body: string; createdAt: string }[],
    history: [] as { id: number; seq: number; occurredAt: string; actor: string; action: string; fromStatus: string | null; toStatus: string | null; changes: unknown; hash: string }[],
    verdict: { draft: { id: 1, state: 'DRAFT', number: 1, ratingId: 2, headline: 'Server headline', summary: 's', explanation: 'e', evidenceIds: [], correctionNote: null, publishedAt: null, publishedBy: null, updatedAt: '2025-12-30T10:00:00Z', version: 3 }, published: [] },
  };
}

type Fixtures = ReturnType<typeof fixtures>;

interface Setup {
  onPut?: () => Response;
  /** Answers a write (POST/PUT/DELETE) the test cares about; undefined falls through. */
  onWrite?: (url: string, body: unknown) => Response | undefined;
  permissions?: TicketPermissions;
  roles?: string[];
  change?: (f: Fixtures) => void;
}

function setup(overrides: Setup = {}) {
  const f = fixtures();
  if (overrides.permissions) f.ticket.permissions = overrides.permissions;
  overrides.change?.(f);
  // Pages answer newest first.
  const page = <T,>(items: T[]) => json({ items: [...items].reverse(), total: items.length, totalExact: true, page: 0, size: 200 });
  const { desk, emit, requests, writes } = fakeDesk((method, u, body) => {
    if (method !== 'GET' && overrides.onWrite) {
      const answer = overrides.onWrite(u, body);
      if (answer) return answer;
    }
    if (method === 'PUT' && u === '/api/tickets/12/verdict') return overrides.onPut ? overrides.onPut() : json(f.verdict.draft);
    if (method !== 'GET') return undefined;
    switch (u) {
      case '/api/tickets/12': return json(f.ticket);
      case '/api/claims/5': return json(f.claim);
      case '/api/articles/9': return json(f.article);
      case '/api/tickets/12/evidence?size=200': return page([]);
      case '/api/tickets/12/verdict': return json(f.verdict);
      case '/api/tickets/12/comments?size=200': return page(f.comments);
      case '/api/tickets/12/history?size=200': return page(f.history);
      default: return undefined;
    }
  }, {
    me: { subject: 'sub-alice', username: 'alice', name: 'Alice', roles: overrides.roles ?? ['factchecker'] },
    people: [{ subject: 'sub-alice', username: 'alice', name: 'Alice A', roles: ['factchecker'] }],
    scale: { id: 1, name: 'Six', active: true, bestRating: 6, worstRating: 1, version: 0, ratings: [
      { id: 2, position: 2, label: 'False', definition: 'The statement is not accurate.', value: 1 },
      { id: 3, position: 1, label: 'True', definition: 'The statement is accurate.', value: 6 },
    ] },
  });
  render(<DeskContext.Provider value={desk}><TicketScreen id={12} /></DeskContext.Provider>);
  const ticketFetches = () => requests().filter((r) => r === 'GET /api/tickets/12').length;
  return { emit, ticketFetches, writes };
}

afterEach(cleanup);

describe('TicketScreen', () => {
  it('shows the claim, highlights it in its source article as text, and offers the allowed actions', async () => {
    setup();
    expect(await screen.findByRole('heading', { name: 'Ticket #12' })).toBeTruthy();
    const article = await screen.findByTestId('source-article');
    await waitFor(() => expect(article.querySelector('mark')).not.toBeNull());
    expect(article.querySelector('mark')!.textContent).toBe(CLAIM);
    expect(article.querySelector('script')).toBeNull();
    expect(article.textContent).toBe(ARTICLE_TEXT);
    expect(screen.getByRole('button', { name: 'Submit for review' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Release' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getAllByText('Overdue').length).toBeGreaterThan(0);
    expect(screen.getByText('The statement is not accurate.', { exact: false })).toBeTruthy();
  });

  it('centres the claim inside the article box when the ticket opens and when its span changes, without scrolling the page', async () => {
    // jsdom has no layout: the mark sits at markTop in a 300 px high box.
    let markTop = 900;
    const spies = [
      vi.spyOn(HTMLElement.prototype, 'offsetTop', 'get').mockImplementation(function (this: HTMLElement) { return this.tagName === 'MARK' ? markTop : 0; }),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) { return this.tagName === 'MARK' ? 40 : 0; }),
      vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) { return this.getAttribute('data-testid') === 'source-article' ? 300 : 0; }),
    ];
    const scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    try {
      let fx: Fixtures | undefined;
      const { emit } = setup({ change: (f) => { fx = f; } });
      const article = await screen.findByTestId('source-article');
      await waitFor(() => expect(article.querySelector('mark')).not.toBeNull());
      expect(article.scrollTop).toBe(900 + 20 - 150);

      // A changed span (the claim re-pointed at the intro) re-centres the box.
      markTop = 400;
      fx!.claim.sourceStart = 0;
      fx!.claim.sourceEnd = 5;
      emit({ type: 'ticket', event: { ticketId: 12, action: 'claim.updated' } });
      await waitFor(() => expect(article.querySelector('mark')!.textContent).toBe('Intro'), { timeout: 2000 });
      await waitFor(() => expect(article.scrollTop).toBe(400 + 20 - 150));
      expect(scrollIntoView).not.toHaveBeenCalled();
      expect(scrollTo).not.toHaveBeenCalled();
    } finally {
      spies.forEach((s) => s.mockRestore());
      scrollTo.mockRestore();
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('keeps the work first in the page order: claim, evidence, verdict, then the article, comments and history', async () => {
    setup();
    await screen.findByTestId('source-article');
    const regions = [
      screen.getByRole('region', { name: 'Claim' }),
      screen.getByRole('region', { name: /^Evidence/ }),
      screen.getByRole('region', { name: 'Verdict' }),
      screen.getByRole('region', { name: 'Source article' }),
      screen.getByRole('region', { name: /^Comments/ }),
      screen.getByRole('region', { name: 'History' }),
    ];
    for (let i = 1; i < regions.length; i++) {
      expect(regions[i - 1].compareDocumentPosition(regions[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('refetches when an event for this ticket arrives or the stream reconnects, not for other tickets', async () => {
    const { emit, ticketFetches } = setup();
    await screen.findByRole('heading', { name: 'Ticket #12' });
    await waitFor(() => expect(ticketFetches()).toBe(1));
    emit({ type: 'ticket', event: { ticketId: 7, action: 'comment.added' } });
    await new Promise((r) => setTimeout(r, 400));
    expect(ticketFetches()).toBe(1);
    emit({ type: 'ticket', event: { ticketId: 12, action: 'evidence.added' } });
    await waitFor(() => expect(ticketFetches()).toBe(2), { timeout: 2000 });
    emit({ type: 'open' });
    await waitFor(() => expect(ticketFetches()).toBe(3), { timeout: 2000 });
  });

  it('on a stale-version 409 explains the conflict and keeps the unsaved text', async () => {
    setup({
      onPut: () => json({ title: 'Stale version', status: 409, detail: 'The verdict draft was changed by someone else: you sent version 3, the current version is 4. Reload and apply your change again.', currentVersion: 4 }, 409, 'application/problem+json'),
    });
    const headline = (await screen.findByLabelText('Headline')) as HTMLInputElement;
    await waitFor(() => expect(headline.value).toBe('Server headline'));
    fireEvent.change(headline, { target: { value: 'My careful new headline' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Someone else changed this/);
    expect(within(alert).getByRole('button', { name: /Reload/ })).toBeTruthy();
    expect((screen.getByLabelText('Headline') as HTMLInputElement).value).toBe('My careful new headline');
  });

  it('shows buttons, editors and the comment box from the ticket permissions alone, whatever the roles', async () => {
    setup({ permissions: NOTHING, roles: ['factchecker', 'reviewer', 'editor', 'admin'] });
    await screen.findByText('Draft: False');
    for (const name of ['Submit for review', 'Release', 'Edit claim', 'New evidence', 'Save draft', 'Add comment', 'Save triage']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('form', { name: 'Verdict draft' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Triage' })).toBeNull();
    expect(screen.queryByLabelText('Comment')).toBeNull();
    cleanup();

    setup({ permissions: EVERYTHING, roles: [] });
    expect(await screen.findByRole('form', { name: 'Verdict draft' })).toBeTruthy();
    for (const name of ['Submit for review', 'Release', 'Edit claim', 'New evidence', 'Save draft', 'Add comment', 'Save triage']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('form', { name: 'Triage' })).toBeTruthy();
    expect(screen.getByLabelText('Comment')).toBeTruthy();
  });

  it('withdraws an approval with the required reason', async () => {
    const { writes } = setup({
      permissions: { ...NOTHING, actions: ['withdraw-approval'] },
      change: (f) => {
        f.ticket.status = 'APPROVED';
        f.ticket.publishAt = '2026-01-02T09:00:00Z' as unknown as null;
      },
      onWrite: (url) => (url === '/api/tickets/12/withdraw-approval' ? json(fixtures().ticket) : undefined),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw approval' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toMatch(/scheduled publication is cancelled/);
    fireEvent.submit(within(dialog).getByRole('button', { name: 'Withdraw approval' }).closest('form')!);
    expect(within(dialog).getByRole('alert').textContent).toMatch(/required/);
    expect(writes()).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('Why the approval is withdrawn'), { target: { value: ' The main source was retracted. ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw approval' }));
    await waitFor(() => expect(writes()).toEqual([
      { method: 'POST', url: '/api/tickets/12/withdraw-approval', body: { reason: 'The main source was retracted.' } },
    ]));
  });

  it('sets priority and deadline through triage, with the ticket version, in the desk zone', async () => {
    const { writes } = setup({
      permissions: { ...ASSIGNEE_IN_PROGRESS, edit: { ...ASSIGNEE_IN_PROGRESS.edit, triage: true } },
      onWrite: (url) => (url === '/api/tickets/12/triage' ? json(fixtures().ticket) : undefined),
    });
    const form = await screen.findByRole('form', { name: 'Triage' });
    const priority = within(form).getByLabelText('Priority') as HTMLSelectElement;
    const deadline = within(form).getByLabelText(/Deadline/) as HTMLInputElement;
    expect(priority.value).toBe('HIGH');
    expect(deadline.value).toBe('2026-01-01T11:00'); // 10:00 UTC in Berlin
    fireEvent.change(priority, { target: { value: 'URGENT' } });
    fireEvent.change(deadline, { target: { value: '2026-01-03T18:30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save triage' }));
    await waitFor(() => expect(writes()).toEqual([
      { method: 'PUT', url: '/api/tickets/12/triage', body: { priority: 'URGENT', deadline: '2026-01-03T17:30:00.000Z', version: 3 } },
    ]));

    await waitFor(() => expect(priority.value).toBe('HIGH')); // follows the server again after the save
    fireEvent.click(within(form).getByRole('button', { name: 'No deadline' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save triage' }));
    await waitFor(() => expect(writes()[1]).toEqual(
      { method: 'PUT', url: '/api/tickets/12/triage', body: { priority: 'HIGH', deadline: null, version: 3 } },
    ));
  });

  it('edits the claim without priority or deadline and shows a frozen-content refusal as the server words it', async () => {
    const detail = 'The claim is in review: its reviewed content is frozen. Send it back with request-changes to change it.';
    const { writes } = setup({
      onWrite: (url) => (url === '/api/claims/5' ? json({ title: 'Conflict', status: 409, detail }, 409, 'application/problem+json') : undefined),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit claim' }));
    expect(screen.queryByLabelText('Priority')).toBeNull();
    fireEvent.change(screen.getByLabelText('Claimant'), { target: { value: 'The mayor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save claim' }));
    expect((await screen.findByRole('alert')).textContent).toBe(detail);
    const [put] = writes();
    expect(put.url).toBe('/api/claims/5');
    expect(put.body).not.toHaveProperty('priority');
    expect(put.body).not.toHaveProperty('deadline');
    expect(put.body).toMatchObject({ claimant: 'The mayor', version: 1, appearances: [{ url: 'https://news.example/a', appearedAt: '2025-12-29T08:00:00Z' }] });
  });

  it('shows appearances found later read-only with a note, and an erased claimant with its date', async () => {
    setup({
      change: (f) => {
        f.claim.claimant = null;
        f.claim.claimantErased = '2026-03-04';
        f.claim.laterAppearances = [{ id: 7, url: 'https://later.example/post', appearedAt: null }];
      },
    });
    const later = (await screen.findByRole('heading', { name: 'Found later' })).closest('section')!;
    expect(later.textContent).toMatch(/Found after review; joins at the next round/);
    expect(within(later).getByRole('link', { name: 'https://later.example/post' })).toBeTruthy();
    expect(within(later).queryAllByRole('button')).toEqual([]);
    expect(within(later).queryAllByRole('textbox')).toEqual([]);
    expect(screen.getByText('Claimant').nextElementSibling!.textContent).toBe('(removed 4 Mar 2026)');
    // the reviewed appearances stay a separate list
    expect(screen.getByRole('link', { name: 'https://news.example/a' })).toBeTruthy();
  });

  it('flags work sent back, with the reviewer\'s comment, in the header', async () => {
    setup({
      change: (f) => {
        f.ticket.changesRequested = true;
        f.comments = [
          { id: 40, ticketId: 12, author: 'sub-alice', body: 'An earlier remark', createdAt: '2025-12-30T11:00:00Z' },
          { id: 41, ticketId: 12, author: 'sub-alice', body: 'Cite the 2024 figures too.', createdAt: '2025-12-30T12:00:00Z' },
        ];
        f.history = [{ id: 1, seq: 5, occurredAt: '2025-12-30T12:00:00Z', actor: 'sub-alice', action: 'ticket.request-changes',
          fromStatus: 'IN_REVIEW', toStatus: 'IN_PROGRESS', changes: { commentId: 41, comment: { sha256: 'x' } }, hash: 'h' },
        { id: 2, seq: 6, occurredAt: '2025-12-30T13:00:00Z', actor: 'sub-alice', action: 'verdict.drafted',
          fromStatus: null, toStatus: null, changes: { headline: { before: 'a', after: 'b' } }, hash: 'h2' }];
      },
    });
    const header = (await screen.findByText('Changes requested')).closest('header')!;
    expect(header).toBeTruthy();
    await waitFor(() => expect(within(header).getByRole('note').textContent).toMatch(/Alice A asked for changes: .*Cite the 2024 figures too\./));
    // What changed since, in the panel it concerns.
    const verdictPanel = screen.getByRole('heading', { name: 'Verdict' }).closest('section')!;
    const changed = within(verdictPanel).getByRole('heading', { name: 'Changed since changes were requested' }).parentElement!;
    expect(within(changed).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['headline']);
    cleanup();

    setup();
    await screen.findByRole('form', { name: 'Verdict draft' });
    expect(screen.queryByText('Changes requested')).toBeNull();
    expect(screen.queryByText('Changed since changes were requested')).toBeNull();
  });

  it('submits what is on screen: saves the unsaved draft first, then submits', async () => {
    const { writes } = setup({
      onWrite: (url) => (url === '/api/tickets/12/submit' ? json({ ...fixtures().ticket, status: 'IN_REVIEW' }) : undefined),
    });
    const headline = (await screen.findByLabelText('Headline')) as HTMLInputElement;
    await waitFor(() => expect(headline.value).toBe('Server headline'));
    fireEvent.change(headline, { target: { value: 'Typed, not saved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() => expect(writes().map((w) => `${w.method} ${w.url}`)).toEqual(['PUT /api/tickets/12/verdict', 'POST /api/tickets/12/submit']));
    expect(writes()[0].body).toMatchObject({ headline: 'Typed, not saved', version: 3 });
  });

  it('does not submit when the unsaved draft cannot be saved, and says why', async () => {
    const { writes } = setup({
      onPut: () => json({ title: 'Bad request', status: 400, detail: 'The headline is too long.' }, 400, 'application/problem+json'),
    });
    const headline = (await screen.findByLabelText('Headline')) as HTMLInputElement;
    await waitFor(() => expect(headline.value).toBe('Server headline'));
    fireEvent.change(headline, { target: { value: 'Typed, not saved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() => expect(screen.getByText(/could not be saved, so the ticket was not submitted/)).toBeTruthy());
    expect(writes().map((w) => `${w.method} ${w.url}`)).toEqual(['PUT /api/tickets/12/verdict']);
    expect(screen.getByRole('form', { name: 'Verdict draft' }).textContent).toMatch(/Not saved: The headline is too long\./);
  });

  it('shows a missing-fields refusal in the words the server gives a person', async () => {
    const detail = 'The verdict draft is incomplete: rating, headline and at least one cited source are missing.';
    setup({
      onWrite: (url) => (url === '/api/tickets/12/submit'
        ? json({ title: 'Not ready for review', status: 409, detail, missing: ['ratingId', 'headline', 'evidenceIds'] }, 409, 'application/problem+json')
        : undefined),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const actions = screen.getByRole('region', { name: 'Actions' });
    await waitFor(() => expect(within(actions).getByRole('alert').textContent).toBe(detail));
  });

  it('autosaves the draft once per pause in typing, and says when', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { writes } = setup();
      const headline = (await screen.findByLabelText('Headline')) as HTMLInputElement;
      await waitFor(() => expect(headline.value).toBe('Server headline'));
      for (const text of ['N', 'No', 'No,', 'No, it']) {
        fireEvent.change(headline, { target: { value: text } });
        await act(async () => { await vi.advanceTimersByTimeAsync(1000); });
      }
      expect(writes()).toEqual([]);
      expect(screen.getByRole('form', { name: 'Verdict draft' }).textContent).toMatch(/Unsaved changes/);
      await act(async () => { await vi.advanceTimersByTimeAsync(2100); });
      await waitFor(() => expect(writes().length).toBe(1));
      expect(writes()[0]).toMatchObject({ method: 'PUT', url: '/api/tickets/12/verdict', body: { headline: 'No, it' } });
      await waitFor(() => expect(screen.getByRole('form', { name: 'Verdict draft' }).textContent).toMatch(/Saved at \d\d:\d\d/));
      // Nothing new typed: no more saves however long the pause.
      await act(async () => { await vi.advanceTimersByTimeAsync(10_000); });
      expect(writes().length).toBe(1);
      fireEvent.change(headline, { target: { value: 'No, it did not' } });
      await act(async () => { await vi.advanceTimersByTimeAsync(3100); });
      await waitFor(() => expect(writes().length).toBe(2));
      expect(writes()[1].body).toMatchObject({ headline: 'No, it did not' });
    } finally {
      vi.useRealTimers();
    }
  });
});
