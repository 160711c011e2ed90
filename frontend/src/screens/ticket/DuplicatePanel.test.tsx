import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_PERMISSIONS } from '../../nav';
import { fakeDesk, json } from '../../testing/fakeDesk';
import type { Claim, Ticket } from '../../types';
import { DuplicatePanel } from './DuplicatePanel';

const claim = { id: 7, ticketId: 70, text: 'Crime fell by half', duplicateOf: null } as unknown as Claim;
const similar = {
  claims: [
    { claimId: 7, ticketId: 70, status: 'OPEN', text: 'Crime fell by half', claimant: null, similarity: 1, meaning: 1, words: 1, reasons: ['Same meaning (1.00)'], rating: null, publicPath: null },
    { claimId: 3, ticketId: 30, status: 'PUBLISHED', text: 'Crime halved last year', claimant: null, similarity: 0.87, meaning: 0.9, words: 0.4, reasons: ['Same meaning (0.90)'], rating: 'False', publicPath: null },
  ],
  priorReviews: [],
};

function setup({ markDuplicates = true, actions = ['discard'], refuse = false } = {}) {
  const ticket = { id: 70, permissions: { actions, edit: { claim: false, evidence: false, verdict: false, triage: false }, comment: false } } as unknown as Ticket;
  const fake = fakeDesk((method, url) => {
    if (url.startsWith('/api/claims/7/similar')) return json(similar);
    if (url.startsWith('/api/claims?q=')) return json({ items: [{ id: 44, ticketId: 440, text: 'Crime down 50%' }], total: 1, totalExact: true, page: 0, size: 10, next: null });
    if (url === '/api/claims/44') return json({ id: 44, ticketId: 440 });
    if (method === 'POST' && url === '/api/claims/7/mark-duplicate') {
      return refuse
        ? json({ title: 'Original is a duplicate', detail: 'Claim 3 is itself a duplicate of claim 1; mark it as a duplicate of that one.' }, 409, 'application/problem+json')
        : json({ ...claim, duplicateOf: 3 });
    }
    return undefined;
  }, { permissions: { ...NO_PERMISSIONS, markDuplicates } });
  const onDone = vi.fn();
  render(<DuplicatePanel claim={claim} ticket={ticket} onDone={onDone} />, { wrapper: fake.wrapper });
  return { ...fake, onDone };
}

afterEach(cleanup);

describe('DuplicatePanel', () => {
  it('is offered only when the server grants marking duplicates and discarding this ticket', () => {
    setup({ markDuplicates: false });
    expect(screen.queryByRole('button', { name: 'Mark as duplicate…' })).toBeNull();
    cleanup();
    setup({ actions: ['publish'] });
    expect(screen.queryByRole('button', { name: 'Mark as duplicate…' })).toBeNull();
  });

  it('picks the original from similar claims, asks first, sends it and shows the outcome with a link', async () => {
    const { writes, onDone } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Mark as duplicate…' }));
    const original = await screen.findByRole('radio', { name: /claim #3: Crime halved last year/ });
    // The claim itself is never offered as its own original.
    expect(screen.queryByRole('radio', { name: /claim #7/ })).toBeNull();
    fireEvent.click(original);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as duplicate…' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark as duplicate?' });
    expect(writes()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as duplicate' }));
    const outcome = await screen.findByRole('status');
    expect(outcome.textContent).toContain('Marked as a duplicate of claim #3');
    expect(within(outcome).getByRole('link', { name: 'claim #3' }).getAttribute('href')).toBe('#/tickets/30');
    expect(writes()).toEqual([{ method: 'POST', url: '/api/claims/7/mark-duplicate', body: { duplicateOf: 3 } }]);
    expect(onDone).toHaveBeenCalled();
  });

  it('finds an original by search and shows the server\u2019s refusal next to the form', async () => {
    const { onDone } = setup({ refuse: true });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as duplicate…' }));
    await screen.findByRole('radio', { name: /claim #3/ });
    fireEvent.change(screen.getByLabelText('Search claims'), { target: { value: 'crime' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('radio', { name: /claim #44: Crime down 50%/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark as duplicate…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark as duplicate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Claim 3 is itself a duplicate of claim 1; mark it as a duplicate of that one.');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onDone).not.toHaveBeenCalled();
  });
});
