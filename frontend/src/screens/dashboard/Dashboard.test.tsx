import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_PERMISSIONS } from '../../nav';
import { parseHash } from '../../router';
import { fakeDesk, json } from '../../testing/fakeDesk';
import type { DeskMetrics } from '../../types';
import DashboardScreen from './Dashboard';

const stage = (name: string, tickets: number, p50: number | null, p90: number | null) => ({ name, tickets, p50Seconds: p50, p90Seconds: p90 });

function metrics(scope: 'desk' | 'own'): DeskMetrics {
  return {
    period: { from: '2026-11-04', to: '2026-12-03', timeZone: 'Europe/Berlin', scope, person: scope === 'own' ? 'sub-alice' : null },
    durations: [stage('timeToClaim', 12, 1800, 7200), stage('inProgress', 9, 5400, 18000), stage('review', 9, 600, 3600),
      stage('toPublish', 9, 120, 900), stage('endToEnd', 9, 86400 + 7200, 3 * 86400)],
    rates: { published: 9, sentBack: 4, sentBackTickets: 3, reworkRate: 0.4444, corrected: 1, correctionRate: 0.1111, retracted: 0, retractionRate: 0 },
    throughput: {
      bucket: 'day', all: [{ start: '2026-12-01', count: 4 }, { start: '2026-12-02', count: 5 }],
      byPerson: [{ start: '2026-12-01', key: 'sub-alice', count: 4 }, { start: '2026-12-02', key: null, count: 5 }],
      byTopic: [{ start: '2026-12-01', key: '=cmd|calc', count: 4 }], byRating: [], byLanguage: [{ start: '2026-12-01', key: 'en', count: 4 }],
    },
    backlog: scope === 'desk' ? [{ day: '2026-12-02', backlog: 14, overdue: 2 }, { day: '2026-12-03', backlog: 11, overdue: 1 }] : null,
    tips: scope === 'desk' ? { perClaim: { claims: 9, tips: 20, mean: 2.2, p50: 1, p90: 6 }, timeToAnswer: stage('timeToAnswer', 5, 3600, 7200) } : null,
  };
}

function setup(scope: 'desk' | 'own', hash = '#/dashboard') {
  const fake = fakeDesk((method, url) => {
    if (method === 'GET' && url.startsWith('/api/metrics?')) return json(metrics(scope));
    if (method === 'GET' && url.startsWith('/api/metrics/tickets?')) {
      return json({ items: [{ ticketId: 42, claim: 'Unemployment <b>doubled</b>', seconds: 3 * 86400 }, { ticketId: 7, claim: null, seconds: 3600 }],
        total: 2, totalExact: true, page: 0, size: 200, next: null });
    }
    return undefined;
  }, { permissions: { ...NO_PERMISSIONS, deskFigures: scope === 'desk' }, people: [{ subject: 'sub-alice', username: 'alice', name: 'Alice Checker', roles: [] }] as never });
  render(<DashboardScreen route={parseHash(hash)} />, { wrapper: fake.wrapper });
  return fake;
}

describe('Dashboard', () => {
  afterEach(cleanup);

  it("shows the desk's figures as tables, in words, and the tickets behind a figure", async () => {
    const fake = setup('desk', '#/dashboard?from=2026-11-04&to=2026-12-03');
    const durations = await screen.findByRole('table', { name: 'How long each stage takes' });
    const endToEnd = within(durations).getByRole('row', { name: /End to end/ });
    expect(within(endToEnd).getAllByRole('cell').map((c) => c.textContent)).toEqual(['End to end', '9', '1 d 2 h', '3 d']);
    expect(fake.requests()).toContain('GET /api/metrics?from=2026-11-04&to=2026-12-03');
    expect(screen.getByLabelText(/Person/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Published by fact-checker' }).textContent).toContain('Alice Checker');
    expect(screen.getByRole('table', { name: 'Backlog' }).textContent).toContain('14');
    expect(screen.getByRole('img', { name: /Backlog at the end of each day.*11 tickets not yet out, 1 past their deadline/ })).toBeTruthy();

    fireEvent.click(within(endToEnd).getByRole('button', { name: '9' }));
    const drill = await screen.findByRole('region', { name: 'Tickets behind: End to end' });
    await waitFor(() => expect(within(drill).getAllByRole('listitem')).toHaveLength(2));
    expect(within(drill).getByRole('link', { name: '#42' }).getAttribute('href')).toBe('#/tickets/42');
    expect(drill.innerHTML).not.toContain('<b>');
    expect(drill.textContent).toContain('3 d');
    expect(fake.requests()).toContain('GET /api/metrics/tickets?from=2026-11-04&to=2026-12-03&figure=endToEnd&size=200');

    const backlog = screen.getByRole('table', { name: 'Backlog' });
    fireEvent.click(within(within(backlog).getByRole('row', { name: /2026-12-02/ })).getByRole('button', { name: '2' }));
    await waitFor(() => expect(fake.requests()).toContain(
      'GET /api/metrics/tickets?from=2026-11-04&to=2026-12-03&figure=overdue&size=200&day=2026-12-02'));
  });

  it('exports a table as CSV with formulas kept as text', async () => {
    const made: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => { made.push(blob); return 'blob:x'; });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    setup('desk');
    fireEvent.click(await screen.findByRole('button', { name: 'Published by topic: CSV' }));
    expect(click).toHaveBeenCalled();
    expect(await made[0].text()).toBe("start,key,count\r\n2026-12-01,'=cmd|calc,4\r\n");
    click.mockRestore();
  });

  it('shows a fact-checker their own figures: no backlog, no one else to choose', async () => {
    setup('own');
    expect(await screen.findByText(/Figures of Alice Checker \(the tickets they submitted\)/)).toBeTruthy();
    expect(screen.queryByLabelText(/Person/)).toBeNull();
    expect(screen.queryByRole('table', { name: 'Backlog' })).toBeNull();
    expect(screen.queryByRole('table', { name: "The public's tips" })).toBeNull();
  });
});
