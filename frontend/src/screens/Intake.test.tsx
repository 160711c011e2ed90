import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../nav';
import { fakeDesk, json } from '../testing/fakeDesk';
import { ArticleScreen } from './Intake';

const TEXT = 'The budget rose 40% in 2024. Crime fell by half last year. Nice weather.';

function sentence(position: number, text: string, claimIds: number[] = []) {
  const start = TEXT.indexOf(text);
  return { position, start, end: start + text.length, text, score: 0.8, candidate: true, dismissed: false, claimant: null, reasons: [], signals: [], claimIds };
}

const PRECEDENTS = [
  { decision: 'ACCEPTED', text: 'The budget grew by 40 percent in 2024.', claimId: 7, articleId: 3, meaning: 0.84 },
  { decision: 'DISMISSED', text: 'Budgets rise every year.', claimId: null, articleId: 4, meaning: 0.66 },
];

function setup(scored = true) {
  let claimed: number[] = [];
  const sentences = () => [sentence(0, 'The budget rose 40% in 2024.'), sentence(1, 'Crime fell by half last year.', [7])];
  const fake = fakeDesk((method, url) => {
    if (url.endsWith('/api/articles/9')) {
      return json({ id: 9, url: 'https://news.example/a', title: 'Budget', outlet: null, author: null, publishedAt: null, language: 'en', detectedLanguage: scored ? 'en' : 'es', text: TEXT, createdAt: '2026-01-01T10:00:00Z', createdBy: 'x', version: 0 });
    }
    const items = sentences().map((s) => (s.position === 0 ? { ...s, claimIds: claimed } : s));
    if (url.endsWith('/api/articles/9/sentences')) return json({ articleId: 9, threshold: 0.5, perArticle: 10, scored, items });
    if (url.endsWith('/api/articles/9/candidates')) return json({ articleId: 9, threshold: 0.5, perArticle: 10, scored, items: items.map((s) => ({ sentence: s, similar: null, precedents: s.position === 0 ? PRECEDENTS : [] })) });
    if (url.endsWith('/api/claims/7')) return json({ id: 7, ticketId: 70 });
    if (method === 'POST' && url.endsWith('/api/articles/9/candidates/dismiss')) return new Response(null, { status: 204 });
    if (method === 'POST' && url.endsWith('/api/articles/9/candidates/accept')) {
      claimed = [8];
      return json({ items: [{ position: 0, claimId: 8, ticketId: 80, linked: false }] });
    }
    return undefined;
  }, { permissions: { ...NO_PERMISSIONS, acceptCandidates: true } });
  render(<ArticleScreen id={9} />, { wrapper: fake.wrapper });
  return fake;
}

const row = (text: string) => screen.getByText(text, { selector: 'p.sentence *, p.sentence' }).closest('li')!;

describe('ArticleScreen accepting candidates', () => {
  let scrolledTo: Element[] = [];
  beforeEach(() => {
    scrolledTo = [];
    // jsdom does not scroll: record what the screen asks to bring into view.
    Element.prototype.scrollIntoView = function (this: Element) { scrolledTo.push(this); };
  });
  afterEach(() => {
    cleanup();
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('shows the outcome in the accepted candidate\u2019s own row, sends deadline and topics, and offers a claimed sentence no accept', async () => {
    const fake = setup();
    await screen.findByRole('heading', { name: /^Candidates/ });

    // Sentence 1 is already a claim: no accept control, a link to its ticket instead.
    const taken = row('Crime fell by half last year.');
    expect(within(taken).queryByRole('checkbox')).toBeNull();
    expect(taken.textContent).toContain('Already a claim');
    expect((await within(taken).findByRole('link', { name: 'claim #7' })).getAttribute('href')).toContain('/tickets/70');

    const fresh = row('The budget rose 40% in 2024.');
    fireEvent.click(within(fresh).getByRole('checkbox', { name: 'Accept sentence 0' }));
    fireEvent.change(within(fresh).getByLabelText(/^Deadline/), { target: { value: '2026-03-01T12:00' } });
    fireEvent.change(within(fresh).getByLabelText(/^Topics/), { target: { value: 'budget, , city ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept selected (1)' }));

    const status = await within(fresh).findByRole('status');
    expect(status.textContent).toBe('Accepted: ticket #80');
    // Scrolled to: the button is below a long list, its row may be far above.
    await waitFor(() => expect(scrolledTo).toContain(status));
    expect(within(status).getByRole('link').getAttribute('href')).toContain('/tickets/80');
    expect(within(taken).queryByRole('status')).toBeNull();
    expect(fake.writes()).toEqual([{
      method: 'POST', url: expect.stringContaining('/api/articles/9/candidates/accept'),
      // 12:00 in Berlin in March is 11:00 UTC.
      body: { items: [{ position: 0, priority: 'NORMAL', topics: ['budget', 'city'], deadline: '2026-03-01T11:00:00.000Z' }] },
    }]);
    // Reloaded, the accepted sentence is a claim now: it cannot be accepted twice.
    await waitFor(() => expect(within(fresh).queryByRole('checkbox')).toBeNull());
    expect((screen.getByRole('button', { name: 'Accept selected (0)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses more topics than a claim takes without asking the server', async () => {
    const fake = setup();
    await screen.findByRole('heading', { name: /^Candidates/ });
    const fresh = row('The budget rose 40% in 2024.');
    fireEvent.click(within(fresh).getByRole('checkbox', { name: 'Accept sentence 0' }));
    fireEvent.change(within(fresh).getByLabelText(/^Topics/), { target: { value: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept selected (1)' }));
    await screen.findByText(/at most 20 topics/);
    expect(fake.writes()).toEqual([]);
  });
});

describe('ArticleScreen in a language the model does not read', () => {
  afterEach(cleanup);

  it('says that the article was detected in another language and is not scored', async () => {
    setup(false);
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('This article reads as es: check-worthiness is scored for English only');
  });

  it('says nothing of the kind for an English article', async () => {
    setup();
    await screen.findByRole('heading', { name: /^Candidates/ });
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('ArticleScreen and the desk\u2019s past decisions', () => {
  afterEach(cleanup);

  it('shows the most similar accepted and dismissed candidates, and dismisses a candidate', async () => {
    const fake = setup();
    const fresh = (await screen.findByText('The budget rose 40% in 2024.', { selector: 'p.sentence *, p.sentence' })).closest('li')!;
    expect(fresh.textContent).toContain('The desk decided on ones like it:');
    expect(fresh.textContent).toContain('accepted as claim #7 (84% alike in meaning): The budget grew by 40 percent in 2024.');
    expect(fresh.textContent).toContain('dismissed (66% alike in meaning): Budgets rise every year.');
    fireEvent.click(within(fresh).getByRole('button', { name: 'Dismiss sentence 0' }));
    await waitFor(() => expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/articles/9/candidates/dismiss', body: { positions: [0] } }]));
  });
});
