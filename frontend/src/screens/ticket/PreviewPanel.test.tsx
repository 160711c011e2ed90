import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDesk, json, text } from '../../testing/fakeDesk';
import type { Ticket } from '../../types';
import { PreviewPanel } from './PreviewPanel';

const PAGE = '<!DOCTYPE html><html><body><p class="preview-banner">Preview: not published.</p><h1>Aid did &lt;b&gt;not&lt;/b&gt; double</h1><script>parent.hacked = true</script></body></html>';

function setup(actions: string[], answer = () => text(PAGE)) {
  const ticket = { id: 12, permissions: { actions, edit: { claim: false, evidence: false, verdict: false, triage: false }, comment: false } } as unknown as Ticket;
  const fake = fakeDesk((method, url) => (method === 'GET' && url === '/api/tickets/12/preview' ? answer() : undefined));
  render(<PreviewPanel ticket={ticket} />, { wrapper: fake.wrapper });
  return fake;
}

afterEach(cleanup);

describe('PreviewPanel', () => {
  it('is there only when the server lets this person publish the ticket', () => {
    setup(['withdraw-approval']);
    expect(screen.queryByRole('button', { name: 'Preview public page' })).toBeNull();
    cleanup();
    setup(['publish', 'schedule']);
    expect(screen.getByRole('button', { name: 'Preview public page' })).toBeTruthy();
  });

  it('fetches the page with the bearer token and shows it in a sandboxed frame, inside a dialog that closes', async () => {
    const fake = setup(['publish']);
    fireEvent.click(screen.getByRole('button', { name: 'Preview public page' }));
    const dialog = await screen.findByRole('dialog', { name: 'Preview: the public page (not published)' });
    const frame = within(dialog).getByTitle('Preview of the public page') as HTMLIFrameElement;
    // No token in a URL: the page is fetched and handed to the frame as its document; no script runs in it.
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(PAGE);
    expect(frame.getAttribute('src')).toBeNull();
    expect(fake.headersOf('/api/tickets/12/preview')).toMatchObject({ Authorization: 'Bearer tok', Accept: expect.stringContaining('text/html') });
    // Tab from the last stop comes round to the frame, so that the page can be scrolled from the keyboard.
    const close = within(dialog).getByRole('button', { name: 'Close preview' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(frame);
    fireEvent.click(close);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the server\u2019s refusal next to the button', async () => {
    setup(['publish'], () => json({ title: 'Nothing to preview', detail: 'The ticket has no reviewed verdict draft.' }, 409, 'application/problem+json'));
    fireEvent.click(screen.getByRole('button', { name: 'Preview public page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The ticket has no reviewed verdict draft.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
