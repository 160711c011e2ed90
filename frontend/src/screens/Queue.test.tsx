import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../nav';
import { parseView } from '../router';
import { fakeDesk, json } from '../testing/fakeDesk';
import { LISTS, ListScreen, Queue, ticketQueryOf } from './Queue';

function ticket(id: number, actions: string[], triage = true) {
  return {
    id, status: 'OPEN', assignee: null, assigneeName: null, deadline: null, overdue: false, publishAt: null, publishedVersions: 0,
    reason: null, changesRequested: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 0,
    publicationFailures: 0, lastPublicationError: null, nextPublicationAttemptAt: null,
    permissions: { actions, edit: { claim: false, evidence: false, verdict: false, triage }, comment: true },
    claim: { id: id * 10, text: `Claim ${id}`, claimant: null, claimantErased: null, language: 'en', topics: [], priority: 'LOW', duplicateOf: null },
  };
}

const page = (items: unknown[]) => ({ items, total: items.length, totalExact: true, page: 0, size: 25, next: null });

describe('ticket lists', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('reads every filter of the view into the server query, keeping the list to its statuses', () => {
    const view = parseView(new URLSearchParams('status=PUBLISHED&status=IN_REVIEW&priority=HIGH&changesRequested=true&overdue=true&q=tax&page=2'));
    expect(ticketQueryOf(view, LISTS.review)).toEqual({
      status: ['IN_REVIEW'], topic: undefined, language: undefined, assignee: undefined, priority: 'HIGH', q: 'tax',
      overdue: true, changesRequested: true, sort: 'urgency', page: 2, size: 25,
    });
    expect(ticketQueryOf({}, LISTS.queue).status).toEqual(['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED']);
    expect(ticketQueryOf({ status: 'nonsense', page: '-3' }, LISTS.published)).toMatchObject({ status: ['PUBLISHED', 'RETRACTED'], page: 0, sort: '-updated' });
  });

  it('asks the server with the view in the URL and puts a filter change into the URL', async () => {
    window.location.hash = '#/review?priority=URGENT&changesRequested=false';
    const fake = fakeDesk((_method, url) => (url.startsWith('/api/tickets?') ? json(page([ticket(1, [])])) : undefined));
    render(<ListScreen kind="review" />, { wrapper: fake.wrapper });
    await screen.findByText('Claim 1', { exact: false });
    expect(fake.requests()).toEqual(['GET /api/tickets?status=IN_REVIEW&priority=URGENT&sort=urgency&changesRequested=false&page=0&size=25']);
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'LOW' } });
    expect(window.location.hash).toBe('#/review?changesRequested=false&priority=LOW');
    await waitFor(() => expect(fake.requests()).toContain('GET /api/tickets?status=IN_REVIEW&priority=LOW&sort=urgency&changesRequested=false&page=0&size=25'));
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: '50% rise' } });
    fireEvent.submit(screen.getByRole('search', { name: 'Filter review inbox' }));
    expect(window.location.hash).toBe('#/review?changesRequested=false&priority=LOW&q=50%25+rise');
  });

  it('offers no bulk controls without the triage permission', async () => {
    const fake = fakeDesk((_method, url) => (url.startsWith('/api/tickets?') ? json(page([ticket(1, ['assign', 'discard'])])) : undefined));
    render(<Queue />, { wrapper: fake.wrapper });
    await screen.findByText('Claim 1', { exact: false });
    expect(screen.queryByRole('form', { name: 'Bulk actions' })).toBeNull();
    expect(screen.queryByLabelText('Select ticket #1')).toBeNull();
  });

  it('lets an editor select rows and discard them with a reason, and reports each ticket\u2019s outcome', async () => {
    const fake = fakeDesk((method, url, body) => {
      if (url.startsWith('/api/tickets?')) return json(page([ticket(1, ['assign', 'discard']), ticket(2, ['assign', 'discard']), ticket(3, [], false)]));
      if (method === 'POST' && url === '/api/tickets/bulk') {
        const ids = (body as { ticketIds: number[] }).ticketIds;
        return json({
          done: 1, refused: ids.length - 1,
          results: ids.map((id, i) => (i === 0 ? { ticketId: id, ok: true, ticket: ticket(id, []), problem: null }
            : { ticketId: id, ok: false, ticket: null, problem: { status: 409, title: 'Conflict', detail: "'discard' is not possible while the ticket is DISCARDED." } })),
        });
      }
      return undefined;
    }, { permissions: { ...NO_PERMISSIONS, triage: true } });
    render(<Queue />, { wrapper: fake.wrapper });
    const bulk = await screen.findByRole('form', { name: 'Bulk actions' });
    fireEvent.click(within(bulk).getByLabelText('Select all 3 on this page'));
    fireEvent.click(screen.getByLabelText('Select ticket #3'));
    const action = within(bulk).getByLabelText('Action') as HTMLSelectElement;
    expect(Array.from(action.options).map((o) => o.textContent)).toEqual(['Choose…', 'Assign to', 'Set priority', 'Discard']);
    fireEvent.change(action, { target: { value: 'DISCARD' } });
    const apply = within(bulk).getByRole('button', { name: 'Apply to 2 tickets' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true); // a discard needs its reason
    fireEvent.change(within(bulk).getByLabelText('Reason (required)'), { target: { value: 'Out of scope' } });
    fireEvent.click(apply);
    const outcome = await within(bulk).findByText('Done for 1 ticket; 1 not changed:');
    expect(outcome.closest('[role="status"]')).not.toBeNull();
    expect(within(bulk).getByText(/DISCARDED/).textContent).toContain('Conflict');
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/tickets/bulk', body: { ticketIds: [1, 2], action: 'DISCARD', reason: 'Out of scope' } }]);
    // The refused ticket stays selected, the done one not.
    expect((screen.getByLabelText('Select ticket #2') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Select ticket #1') as HTMLInputElement).checked).toBe(false);
  });
});
