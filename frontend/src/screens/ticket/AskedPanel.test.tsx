import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDesk, json } from '../../testing/fakeDesk';
import type { Ticket } from '../../types';
import { AskedPanel } from './AskedPanel';

function ticket(triage: boolean, priority = 'NORMAL') {
  return {
    id: 70, version: 4, deadline: null, claim: { priority },
    permissions: { actions: [], edit: { claim: false, evidence: false, verdict: false, triage }, comment: false },
  } as unknown as Ticket;
}

function setup(t: Ticket, asked: Record<string, unknown>) {
  const fake = fakeDesk((method, url) => {
    if (method === 'GET' && url === '/api/tickets/70/asked') return json(asked);
    if (method === 'PUT' && url === '/api/tickets/70/triage') return json({ id: 70 });
    return undefined;
  });
  const onApplied = vi.fn();
  render(<AskedPanel ticket={t} onApplied={onApplied} />, { wrapper: fake.wrapper });
  return { ...fake, onApplied };
}

afterEach(cleanup);

describe('AskedPanel', () => {
  it('says how many asked and lets an editor apply the suggested priority through triage', async () => {
    const fake = setup(ticket(true), { asked: 12, since: '2026-11-02T09:00:00Z', lastAt: '2026-11-26T10:00:00Z', suggestedPriority: 'HIGH' });
    expect((await screen.findByText(/Asked by 12 people/)).textContent).toMatch(/since .*; suggested priority HIGH/);
    fireEvent.click(screen.getByRole('button', { name: 'Set priority to High' }));
    await waitFor(() => expect(fake.onApplied).toHaveBeenCalled());
    expect(fake.writes()).toEqual([{ method: 'PUT', url: '/api/tickets/70/triage', body: { priority: 'HIGH', deadline: null, version: 4 } }]);
  });

  it('offers no button to those who may not triage, nor when the priority is already set', async () => {
    setup(ticket(false), { asked: 60, since: '2026-11-02T09:00:00Z', lastAt: '2026-11-26T10:00:00Z', suggestedPriority: 'URGENT' });
    await screen.findByText(/Asked by 60 people/);
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    setup(ticket(true, 'URGENT'), { asked: 60, since: '2026-11-02T09:00:00Z', lastAt: '2026-11-26T10:00:00Z', suggestedPriority: 'URGENT' });
    await screen.findByText(/Asked by 60 people/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing when nobody asked', async () => {
    const fake = setup(ticket(true), { asked: 0, since: null, lastAt: null, suggestedPriority: null });
    await waitFor(() => expect(fake.requests()).toEqual(['GET /api/tickets/70/asked']));
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
