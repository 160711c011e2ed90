import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../nav';
import { parseHash } from '../router';
import { fakeDesk, json } from '../testing/fakeDesk';
import type { TipGroup } from '../types';
import { TipsScreen, weekdayOf } from './Tips';

const NONE = { createClaim: false, attach: false, dismiss: false };
const ALL = { createClaim: true, attach: true, dismiss: true };

function group(id: number, text: string, permissions = ALL, extra: Partial<TipGroup> = {}): TipGroup {
  return {
    id, text, language: 'en', state: 'open', asked: 37, since: '2026-11-02T09:00:00Z', lastAt: '2026-11-26T10:00:00Z',
    // Monday 30 November 2026, 00:00 in Berlin.
    askedSince: { from: '2026-11-29T23:00:00Z', count: 12 },
    suggested: { claimId: 8, ticketId: 80, status: 'PUBLISHED', similarity: 0.72 },
    claim: null, attachedAt: null, dismissedAt: null, autoAnswered: 2, channels: ['email', 'web'], permissions, ...extra,
  };
}

const page = (items: TipGroup[], next: string | null = null) => json({ items, total: items.length, totalExact: true, page: 0, size: 20, next });

function setup(groups: TipGroup[], { hash = '#/tips', next = null as string | null, refuse = false } = {}) {
  const fake = fakeDesk((method, url, body) => {
    if (method === 'GET' && url.startsWith('/api/tips?')) return page(groups, next);
    if (method === 'GET' && url === '/api/tips/groups/1') {
      return json({ group: groups[0], tips: [
        { id: 11, text: 'Is it true? <script>alert(1)</script>', links: ['javascript:alert(1)'], channel: 'web', language: 'en', receivedAt: '2026-11-26T10:00:00Z', autoAnswered: false },
        { id: 10, text: 'Heard the mayor sold the river', links: [], channel: 'tipline', language: null, receivedAt: '2026-11-25T10:00:00Z', autoAnswered: true },
      ] });
    }
    if (method === 'POST' && url === '/api/tips/groups/1/claim') {
      return json({ ...groups[0], state: 'attached', asked: 37, claim: { claimId: 90, ticketId: 900, status: 'OPEN', similarity: null }, permissions: NONE, body }, 201);
    }
    if (method === 'POST' && url === '/api/tips/groups/1/attach') {
      return refuse
        ? json({ title: 'Claim is discarded', detail: "Claim 8's ticket 80 is discarded; reopen it or turn the group into a new claim." }, 409, 'application/problem+json')
        : json({ ...groups[0], state: 'attached', claim: { claimId: 8, ticketId: 80, status: 'PUBLISHED', similarity: null }, permissions: NONE });
    }
    if (method === 'POST' && url === '/api/tips/groups/1/dismiss') return json({ ...groups[0], state: 'dismissed', permissions: NONE });
    return undefined;
  }, { permissions: { ...NO_PERMISSIONS, handleTips: groups.some((g) => g.permissions.createClaim) } });
  render(<TipsScreen route={parseHash(hash)} />, { wrapper: fake.wrapper });
  return fake;
}

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('tips inbox', () => {
  it('lists each group as an item: how often and since when it was asked, its channels, the suggested claim', async () => {
    const fake = setup([group(1, 'The mayor sold the river'), group(2, 'Vaccines hold chips', NONE)]);
    const items = await screen.findAllByRole('listitem', { name: /“/ });
    expect(items.map((i) => i.getAttribute('aria-labelledby'))).toEqual(['tip-group-1', 'tip-group-2']);
    const first = within(items[0]);
    expect(first.getByText('Asked 12 times since Monday')).toBeTruthy();
    expect(first.getByText(/37 times in all/)).toBeTruthy();
    expect(first.getByText('email')).toBeTruthy();
    expect(first.getByText('2 answered automatically')).toBeTruthy();
    expect(first.getByRole('link', { name: 'claim #8' }).getAttribute('href')).toBe('#/tickets/80');
    expect(first.getByText(/72% alike/)).toBeTruthy();
    expect(fake.requests()).toEqual(['GET /api/tips?state=open&size=20']);
  });

  it('shows actions only where the server allows them', async () => {
    setup([group(1, 'The mayor sold the river'), group(2, 'Vaccines hold chips', NONE)]);
    const [editable, readOnly] = await screen.findAllByRole('listitem', { name: /“/ });
    expect(within(editable).getByRole('button', { name: 'Create claim' })).toBeTruthy();
    expect(within(editable).getByRole('button', { name: 'Attach' })).toBeTruthy();
    expect(within(editable).getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    for (const name of ['Create claim', 'Attach', 'Dismiss']) {
      expect(within(readOnly).queryByRole('button', { name })).toBeNull();
    }
  });

  it("shows a group's tips as text, links not clickable", async () => {
    setup([group(1, 'The mayor sold the river')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Show tips' }));
    expect(await screen.findByText('Is it true? <script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(screen.getByText('tipline')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide tips' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('proposes English for the claim of tips that did not say their language', async () => {
    setup([group(1, 'The mayor sold the river', ALL, { language: null })]);
    const item = await screen.findByRole('listitem', { name: /mayor/ });
    fireEvent.click(within(item).getByRole('button', { name: 'Create claim' }));
    expect((within(item).getByRole('textbox', { name: 'Language' }) as HTMLInputElement).value).toBe('en');
  });

  it('creates a claim from a form prefilled with the group, then links its ticket', async () => {
    const fake = setup([group(1, 'The mayor sold the river')]);
    const item = await screen.findByRole('listitem', { name: /mayor/ });
    fireEvent.click(within(item).getByRole('button', { name: 'Create claim' }));
    const text = within(item).getByRole('textbox', { name: 'Claim text' }) as HTMLTextAreaElement;
    expect(text.value).toBe('The mayor sold the river');
    expect((within(item).getByRole('textbox', { name: 'Language' }) as HTMLInputElement).value).toBe('en');
    fireEvent.change(text, { target: { value: 'The mayor sold the river to a company ' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Create claim' }));
    const status = await screen.findByText(/Claim created from 37 times asked/);
    expect(within(status).getByRole('link', { name: 'ticket #900' }).getAttribute('href')).toBe('#/tickets/900');
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/tips/groups/1/claim', body: { text: 'The mayor sold the river to a company', language: 'en' } }]);
    await waitFor(() => expect(fake.requests().filter((r) => r.startsWith('GET /api/tips?')).length).toBe(2));
  });

  it('attaches to the claim number given (the suggestion prefilled) and shows a refusal', async () => {
    const fake = setup([group(1, 'The mayor sold the river')], { refuse: true });
    const item = await screen.findByRole('listitem', { name: /mayor/ });
    const number = within(item).getByRole('spinbutton', { name: 'Attach to claim #' }) as HTMLInputElement;
    expect(number.value).toBe('8');
    fireEvent.click(within(item).getByRole('button', { name: 'Attach' }));
    expect((await within(item).findByRole('alert')).textContent).toContain('discarded');
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/tips/groups/1/attach', body: { claimId: 8 } }]);
  });

  it('dismisses with an optional reason', async () => {
    const fake = setup([group(1, 'The mayor sold the river')]);
    const item = await screen.findByRole('listitem', { name: /mayor/ });
    fireEvent.click(within(item).getByRole('button', { name: 'Dismiss' }));
    fireEvent.change(within(item).getByRole('textbox', { name: 'Reason (optional)' }), { target: { value: 'spam' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByText('Group dismissed: not taken up.')).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/tips/groups/1/dismiss', body: { reason: 'spam' } }]);
  });

  it('keeps the state and the page in the URL and asks the server for them', async () => {
    const fake = setup([group(1, 'The mayor sold the river', NONE, { state: 'attached' })], { hash: '#/tips?state=attached&after=abc', next: 'def' });
    await screen.findByRole('listitem', { name: /mayor/ });
    expect(fake.requests()).toEqual(['GET /api/tips?state=attached&size=20&after=abc']);
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(window.location.hash).toBe('#/tips?after=def&state=attached');
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'dismissed' } });
    expect(window.location.hash).toBe('#/tips?state=dismissed');
  });

  it('names the weekday in the desk time zone', () => {
    expect(weekdayOf('2026-11-29T23:00:00Z', 'Europe/Berlin')).toBe('Monday');
    expect(weekdayOf('2026-11-29T23:00:00Z', 'UTC')).toBe('Sunday');
  });
});
