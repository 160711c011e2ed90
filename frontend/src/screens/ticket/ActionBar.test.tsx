import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDesk, json } from '../../testing/fakeDesk';
import type { Ticket } from '../../types';
import { ActionBar } from './ActionBar';

const PEOPLE = [
  { subject: 'sub-bob', username: 'bob', name: 'Bob B', roles: ['factchecker'] },
  { subject: 'sub-carol', username: 'carol', name: 'Carol C', roles: ['editor'] },
];

function setup(actions: string[], change: Partial<Ticket> = {}) {
  const ticket = { id: 12, publishAt: null, permissions: { actions, edit: { claim: false, evidence: false, verdict: false, triage: false }, comment: false }, ...change } as unknown as Ticket;
  const fake = fakeDesk((method, url) => (method === 'POST' && url.startsWith('/api/tickets/12/') ? json(ticket) : undefined), { people: PEOPLE });
  const onDone = vi.fn();
  render(<ActionBar ticket={ticket} onDone={onDone} />, { wrapper: fake.wrapper });
  return { ...fake, onDone };
}

const bar = () => screen.getByRole('region', { name: 'Actions' });

afterEach(cleanup);

describe('ActionBar', () => {
  it('shows one button per permitted action the app knows, in the table\'s order, and nothing for none', () => {
    setup(['reopen', 'teleport', 'claim', 'publish']);
    expect(within(bar()).getAllByRole('button').map((b) => b.textContent)).toEqual(['Claim', 'Publish now', 'Reopen']);
    cleanup();
    setup(['schedule', 'publish']);
    expect(within(bar()).getAllByRole('button').map((b) => b.textContent)).toEqual(['Publish now', 'Schedule…']);
    cleanup();
    setup([]);
    expect(screen.queryByRole('region', { name: 'Actions' })).toBeNull();
  });

  it('sends an action without a dialog at once, without a body', async () => {
    const { writes, onDone } = setup(['release']);
    fireEvent.click(screen.getByRole('button', { name: 'Release' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes()).toEqual([{ method: 'POST', url: '/api/tickets/12/release', body: undefined }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('schedules a publication at the chosen time in the desk zone, as a publish for later', async () => {
    const { writes } = setup(['schedule']);
    fireEvent.click(screen.getByRole('button', { name: 'Schedule…' }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule publication' });
    fireEvent.change(within(dialog).getByLabelText('Publish at (Europe/Berlin)'), { target: { value: '2026-07-01T09:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(writes()).toEqual([
      { method: 'POST', url: '/api/tickets/12/publish', body: { publishAt: '2026-07-01T09:30:00+02:00' } },
    ]));
  });

  it('asks before publishing now, and sends no body', async () => {
    const { writes } = setup(['publish']);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Publish now' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish now?' });
    expect(dialog.textContent).toMatch(/can only be corrected or retracted, never removed/);
    expect(writes()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish now' }));
    await waitFor(() => expect(writes()).toEqual([{ method: 'POST', url: '/api/tickets/12/publish', body: undefined }]));
  });

  it('assigns only once a person is chosen, from the fact-checkers of the directory', async () => {
    const { writes } = setup(['assign']);
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign ticket' });
    const select = within(dialog).getByLabelText('Assignee') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose…', 'Bob B']);
    fireEvent.submit(select.closest('form')!);
    expect(within(dialog).getByRole('alert').textContent).toBe('Choose a person.');
    expect(writes()).toEqual([]);
    fireEvent.change(select, { target: { value: 'sub-bob' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(writes()).toEqual([{ method: 'POST', url: '/api/tickets/12/assign', body: { assignee: 'sub-bob' } }]));
  });

  it('starts a correction with or without a person', async () => {
    const { writes } = setup(['correct']);
    fireEvent.click(screen.getByRole('button', { name: 'Start correction' }));
    const dialog = screen.getByRole('dialog', { name: 'Start correction?' });
    expect((within(dialog).getByLabelText('Assign the correction to (optional)') as HTMLSelectElement).value).toBe('');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start correction' }));
    await waitFor(() => expect(writes()).toEqual([{ method: 'POST', url: '/api/tickets/12/correct', body: undefined }]));
  });

  it('retracts with a required public reason, behind a danger button, and shows the server\'s refusal in the dialog', async () => {
    const { writes } = setup(['retract']);
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    const dialog = screen.getByRole('dialog', { name: 'Retract?' });
    expect(dialog.textContent).toMatch(/This cannot be undone/);
    const submit = within(dialog).getByRole('button', { name: 'Retract' });
    expect(submit.className).toBe('danger');
    fireEvent.submit(submit.closest('form')!);
    expect(within(dialog).getByRole('alert').textContent).toBe('Reason for the retraction (public) is required.');
    fireEvent.change(within(dialog).getByLabelText('Reason for the retraction (public)'), { target: { value: '  Wrong figures.  ' } });
    fireEvent.click(submit);
    await waitFor(() => expect(writes()).toEqual([{ method: 'POST', url: '/api/tickets/12/retract', body: { reason: 'Wrong figures.' } }]));
  });

  it('keeps the dialog open with the server\'s detail when it refuses', async () => {
    const ticket = { id: 12, publishAt: null, permissions: { actions: ['discard'], edit: { claim: false, evidence: false, verdict: false, triage: false }, comment: false } } as unknown as Ticket;
    const fake = fakeDesk(() => json({ title: 'Conflict', status: 409, detail: 'The ticket was published meanwhile.' }, 409, 'application/problem+json'));
    const onDone = vi.fn();
    render(<ActionBar ticket={ticket} onDone={onDone} />, { wrapper: fake.wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard?' });
    fireEvent.change(within(dialog).getByLabelText('Reason for discarding'), { target: { value: 'Out of scope' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The ticket was published meanwhile.');
    expect(onDone).not.toHaveBeenCalled();
    expect((within(dialog).getByLabelText('Reason for discarding') as HTMLTextAreaElement).value).toBe('Out of scope');
  });
});
