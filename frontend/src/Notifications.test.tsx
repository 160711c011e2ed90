import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationBell, unreadText } from './Notifications';
import { fakeDesk, json } from './testing/fakeDesk';

const BOB = 'sub-bob';

function notification(id: number, read: boolean, over: Record<string, unknown> = {}) {
  return {
    id, kind: 'APPROVED', ticketId: 10 + id, commentId: null, actor: BOB, actorName: 'Bob Baker',
    phrase: 'approved your check of', claimExcerpt: `Claim number ${id}`,
    sentence: `Bob Baker approved your check of ticket ${10 + id}`, createdAt: '2026-01-02T10:00:00Z',
    readAt: read ? '2026-01-02T11:00:00Z' : null, ...over,
  };
}

function setup(initialUnread = 2) {
  let unread = initialUnread;
  let items = [notification(1, false), notification(2, false, { kind: 'MENTIONED', phrase: 'mentioned you in a comment on', actor: 'system', actorName: null }), notification(3, true)];
  const fake = fakeDesk((method, url) => {
    if (url === '/api/notifications/unread-count') return json({ count: unread, exact: true });
    if (method === 'GET' && url.startsWith('/api/notifications?')) {
      return json({ items, total: items.length, totalExact: true, page: 0, size: 20, next: null });
    }
    const one = /^\/api\/notifications\/(\d+)\/read$/.exec(url);
    if (method === 'POST' && one) {
      items = items.map((n) => (n.id === Number(one[1]) ? { ...n, readAt: '2026-01-02T12:00:00Z' } : n));
      unread -= 1;
      return json(items.find((n) => n.id === Number(one[1])));
    }
    if (method === 'POST' && url === '/api/notifications/read-all') {
      items = items.map((n) => ({ ...n, readAt: n.readAt ?? '2026-01-02T12:00:00Z' }));
      unread = 0;
      return json({ count: 0, exact: true });
    }
    return undefined;
  });
  render(<NotificationBell />, { wrapper: fake.wrapper });
  return { ...fake, setUnread: (n: number) => (unread = n) };
}

describe('NotificationBell', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says how many are unread in its label', async () => {
    setup(3);
    expect(await screen.findByRole('button', { name: 'Notifications, 3 unread' })).toBeTruthy();
    expect(unreadText({ count: 150, exact: true })).toBe('99+');
    expect(unreadText({ count: 1000, exact: false })).toBe('99+');
    expect(unreadText({ count: 0, exact: true })).toBe('');
  });

  it('refreshes the count on live events by others and on window focus, not on one\u2019s own', async () => {
    const fake = setup(1);
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    const counts = () => fake.requests().filter((r) => r === 'GET /api/notifications/unread-count').length;
    const before = counts();

    fake.setUnread(4);
    vi.useFakeTimers();
    fake.emit({ type: 'ticket', event: { ticketId: 5, action: 'ticket.claim', actor: 'sub-alice' } });
    await act(async () => { vi.advanceTimersByTime(1000); });
    expect(counts()).toBe(before); // alice's own change never notifies alice
    fake.emit({ type: 'ticket', event: { ticketId: 5, action: 'ticket.approve', actor: BOB } });
    await act(async () => { vi.advanceTimersByTime(1000); });
    vi.useRealTimers();
    expect(await screen.findByRole('button', { name: 'Notifications, 4 unread' })).toBeTruthy();

    fake.setUnread(0);
    act(() => { window.dispatchEvent(new Event('focus')); });
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
  });

  it('opens a list of sentences with names and ticket links, marks one or all read, and closes with Escape', async () => {
    const fake = setup(2);
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    let panel = await screen.findByRole('dialog', { name: 'Notifications' });
    await within(panel).findAllByText('Bob Baker');
    const first = within(panel).getByRole('link', { name: 'ticket 11' });
    expect(first.getAttribute('href')).toBe('#/tickets/11');
    expect(first.closest('p')!.textContent).toBe('Unread: Bob Baker approved your check of ticket 11: Claim number 1');
    expect(within(panel).getByRole('link', { name: 'ticket 12' }).closest('p')!.textContent)
      .toContain('Factdesk mentioned you in a comment on ticket 12');
    expect(document.activeElement).toBe(panel);

    const markAll = within(panel).getByRole('button', { name: 'Mark all read' });
    markAll.focus();
    fireEvent.click(within(panel).getByRole('button', { name: 'Mark read: Bob Baker approved your check of ticket 11' }));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/notifications/1/read', body: undefined }]);
    expect(within(panel).queryByRole('button', { name: /^Mark read: Bob Baker approved your check of ticket 11/ })).toBeNull();
    expect(document.activeElement).toBe(markAll); // a new count does not move the focus

    // a click outside closes it; the bell opens it again
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Notifications, 1 unread' }));
    panel = await screen.findByRole('dialog', { name: 'Notifications' });
    await within(panel).findAllByText('Bob Baker');

    fireEvent.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Mark all read' })).toBeNull());
    expect(document.activeElement).toBe(panel); // the button went: focus stays in the list, where Escape works

    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Notifications, none unread' }));
    expect(screen.getByRole('button', { name: 'Notifications, none unread' }).getAttribute('aria-expanded')).toBe('false');
  });
});
