import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDesk, json } from '../../testing/fakeDesk';
import type { Capture, Evidence } from '../../types';
import { POLL_FIRST_ATTEMPT_MS, POLL_RETRY_MS, shortDigest } from './Captures';
import { EvidencePanel } from './EvidencePanel';
import { wordChanges } from './sourceDiff';

const DIGEST = `sha256:${'ab12'.repeat(16)}`;

function evidence(id: number, title: string): Evidence {
  return {
    id, ticketId: 7, url: `https://source.example/${id}`, title, excerpt: null, sourceKind: 'OFFICIAL_RECORD', stance: 'REFUTES',
    accessedOn: '2026-11-10', archiveUrl: null, createdBy: 'sub-alice', createdByName: 'Alice', createdAt: '2026-11-10T09:00:00Z', version: 0,
  } as unknown as Evidence;
}

function capture(evidenceId: number, change: Partial<Capture> = {}): Capture {
  return {
    id: 100 + evidenceId, evidenceId, url: `https://source.example/${evidenceId}`, state: 'PENDING', attempts: 0, error: null,
    requestedBy: 'sub-alice', requestedAt: '2026-11-12T13:00:00Z', capturedAt: null, warcDigest: null, warcSize: null,
    pageStatus: null, finalUrl: null, truncated: false, files: 0, filesFailed: 0, erasedAt: null, viewUrl: null, warcUrl: null,
    watch: null, ...change,
  };
}

function done(evidenceId: number, change: Partial<Capture> = {}): Capture {
  return capture(evidenceId, {
    state: 'DONE', attempts: 1, capturedAt: '2026-11-12T13:05:00Z', warcDigest: DIGEST, warcSize: 2048, pageStatus: 200,
    finalUrl: `https://source.example/${evidenceId}`, files: 3, viewUrl: `/preserved/${100 + evidenceId}/k3y/`,
    warcUrl: `/preserved/${100 + evidenceId}/k3y/capture.warc.gz`, ...change,
  });
}

interface Server {
  captures: Capture[];
  watch?: unknown;
  post?: () => Response;
}

function setup(items: Evidence[], server: Server, editable = true) {
  const fake = fakeDesk((method, url) => {
    if (method === 'GET' && url === '/api/tickets/7/captures?size=200') {
      return json({ items: server.captures, total: server.captures.length, totalExact: true, page: 0, size: 200, next: null });
    }
    if (method === 'POST' && /^\/api\/tickets\/7\/evidence\/\d+\/captures$/.test(url)) return server.post?.() ?? json({}, 201);
    if (method === 'GET' && /^\/api\/tickets\/7\/captures\/\d+\/watch$/.test(url) && server.watch) return json(server.watch);
    return undefined;
  });
  render(<EvidencePanel ticketId={7} items={items} editable={editable} onChanged={() => undefined} />, { wrapper: fake.wrapper });
  const reads = () => fake.requests().filter((r) => r === 'GET /api/tickets/7/captures?size=200').length;
  return { ...fake, reads };
}

/** The preserved-copy group of one evidence item. */
const copyOf = (title: string) => screen.findByRole('group', { name: `Preserved copy of ${title}` });

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe('preserved copies in the evidence panel', () => {
  it('shows each item\'s newest capture: preserving, retrying, failed, never captured', async () => {
    setup([evidence(1, 'Budget'), evidence(2, 'Letter'), evidence(3, 'Minutes'), evidence(4, 'Old source')], {
      captures: [
        capture(1),
        capture(2, { attempts: 1, error: 'the address has no DNS answer' }),
        capture(3, { state: 'FAILED', attempts: 3, error: 'connection refused' }),
      ],
    });
    expect((await copyOf('Budget')).textContent).toContain('Preserving…');
    expect((await copyOf('Letter')).textContent).toContain('Retrying after: the address has no DNS answer');
    expect((await copyOf('Minutes')).textContent).toContain('Capture failed: connection refused');
    expect((await copyOf('Old source')).textContent).toContain('Not preserved.');
  });

  it('shows a preserved copy with its date, its safe view in a new tab, the WARC and the digest shortened', async () => {
    setup([evidence(1, 'Budget')], { captures: [done(1)] });
    const group = await copyOf('Budget');
    expect(group.textContent).toMatch(/Preserved 12 Nov 2026, 14:05/);
    const view = within(group).getByRole('link', { name: 'View preserved copy of Budget' });
    expect(view.getAttribute('href')).toBe('/preserved/101/k3y/');
    expect(view.getAttribute('target')).toBe('_blank');
    expect(view.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(group).getByRole('link', { name: 'WARC file of Budget' }).getAttribute('href')).toBe('/preserved/101/k3y/capture.warc.gz');
    const code = group.querySelector('code')!;
    expect(code.textContent).toBe(shortDigest(DIGEST));
    expect(code.textContent!.length).toBeLessThan(DIGEST.length);
    expect(code.getAttribute('title')).toBe(DIGEST);
    expect(group.textContent).not.toMatch(/Truncated/);
  });

  it('copies the whole digest', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      setup([evidence(1, 'Budget')], { captures: [done(1)] });
      fireEvent.click(within(await copyOf('Budget')).getByRole('button', { name: /^Copy digest/ }));
      expect(writeText).toHaveBeenCalledWith(DIGEST);
      expect(await screen.findByText('Copied.', { exact: false })).toBeTruthy();
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('says what a copy lacks: truncated, subresources not saved, an error status, a redirect, erased', async () => {
    setup([evidence(1, 'Budget'), evidence(2, 'Letter')], {
      captures: [
        done(1, { truncated: true, filesFailed: 2, pageStatus: 404, finalUrl: 'https://source.example/moved' }),
        done(2, { erasedAt: '2026-11-20T10:00:00Z', viewUrl: null, warcUrl: null }),
      ],
    });
    const budget = await copyOf('Budget');
    expect(budget.textContent).toContain('Truncated: the copy holds only part of the source');
    expect(budget.textContent).toContain('2 files of the page (images, stylesheets) could not be saved.');
    expect(budget.textContent).toContain('HTTP status 404');
    expect(budget.textContent).toContain('Redirected to https://source.example/moved.');
    const letter = await copyOf('Letter');
    expect(letter.textContent).toMatch(/The copy was erased on 20 Nov 2026/);
    expect(within(letter).queryByRole('link')).toBeNull();
  });

  it('offers "Capture again" to whoever may edit the evidence, never while a capture is under way; asking reads the captures again', async () => {
    const server: Server = { captures: [done(1), capture(2, { state: 'FAILED', attempts: 3, error: 'timed out' }), capture(3)] };
    const fake = setup([evidence(1, 'Budget'), evidence(2, 'Letter'), evidence(3, 'Minutes'), evidence(4, 'Old source')], server);
    expect(within(await copyOf('Budget')).getByRole('button', { name: 'Capture again: Budget' })).toBeTruthy();
    expect(within(await copyOf('Minutes')).queryByRole('button', { name: /^Capture/ })).toBeNull();
    expect(within(await copyOf('Old source')).getByRole('button', { name: 'Capture now: Old source' })).toBeTruthy();

    server.captures = [done(1), capture(2, { id: 200 }), capture(3)];
    fireEvent.click(within(await copyOf('Letter')).getByRole('button', { name: 'Capture again: Letter' }));
    await waitFor(() => expect((screen.getByRole('group', { name: 'Preserved copy of Letter' })).textContent).toContain('Preserving…'));
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/tickets/7/evidence/2/captures', body: undefined }]);
    expect(within(screen.getByRole('group', { name: 'Preserved copy of Letter' })).queryByRole('button', { name: /^Capture/ })).toBeNull();
  });

  it('offers no capture button to whoever may not edit the evidence', async () => {
    setup([evidence(1, 'Budget'), evidence(2, 'Letter')], { captures: [done(1), capture(2, { state: 'FAILED', attempts: 3, error: 'x' })] }, false);
    await copyOf('Letter');
    expect(screen.queryByRole('button', { name: /^Capture/ })).toBeNull();
  });

  it('shows the server\'s refusal of a capture', async () => {
    setup([evidence(1, 'Budget')], {
      captures: [done(1)],
      post: () => json({ title: 'Capture under way', detail: 'A preserved copy of this source is being made; wait for it.' }, 409, 'application/problem+json'),
    });
    fireEvent.click(within(await copyOf('Budget')).getByRole('button', { name: 'Capture again: Budget' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A preserved copy of this source is being made; wait for it.');
  });

  it('reads the captures again on the ticket\'s capture events, not on other tickets\' events', async () => {
    const server: Server = { captures: [capture(1)] };
    const fake = setup([evidence(1, 'Budget')], server);
    await copyOf('Budget');
    await waitFor(() => expect(fake.reads()).toBe(1));
    vi.useFakeTimers();
    server.captures = [done(1)];
    fake.emit({ type: 'ticket', event: { ticketId: 8, action: 'evidence.captured' } });
    fake.emit({ type: 'ticket', event: { ticketId: 7, action: 'comment.added' } });
    await act(async () => { vi.advanceTimersByTime(1000); });
    expect(fake.reads()).toBe(1);
    for (const action of ['evidence.captured', 'evidence.capture-failed', 'evidence.capture-requested', 'source.changed', 'source.gone']) {
      fake.emit({ type: 'ticket', event: { ticketId: 7, action } });
      await act(async () => { vi.advanceTimersByTime(300); });
    }
    vi.useRealTimers();
    await waitFor(() => expect(fake.reads()).toBe(6), { timeout: 5000 });
    expect((await copyOf('Budget')).textContent).toMatch(/Preserved 12 Nov/);
  });

  it('reads a capture under way again every few seconds (a failed attempt that will be retried has no event), and stops when none is', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server: Server = { captures: [capture(1)] };
    const fake = setup([evidence(1, 'Budget')], server);
    const copy = () => screen.getByRole('group', { name: 'Preserved copy of Budget' }).textContent;
    await copyOf('Budget');
    expect(fake.reads()).toBe(1);
    server.captures = [capture(1, { attempts: 1, error: 'no DNS answer' })];
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_FIRST_ATTEMPT_MS + 10); });
    await waitFor(() => expect(copy()).toContain('Retrying after: no DNS answer'), { timeout: 5000 });
    expect(fake.reads()).toBe(2);
    server.captures = [capture(1, { state: 'FAILED', attempts: 3, error: 'no DNS answer' })];
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_FIRST_ATTEMPT_MS + 10); });
    expect(fake.reads()).toBe(2); // retries are minutes apart: read less often
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_RETRY_MS); });
    await waitFor(() => expect(copy()).toContain('Capture failed'), { timeout: 5000 });
    expect(fake.reads()).toBe(3);
    await act(async () => { await vi.advanceTimersByTimeAsync(60000); });
    expect(fake.reads()).toBe(3);
  });

  it('reads nothing for a ticket without evidence', async () => {
    const fake = setup([], { captures: [] });
    await screen.findByText('No evidence yet.');
    await act(async () => { await Promise.resolve(); });
    expect(fake.reads()).toBe(0);
  });

  it('says when the original is gone, and when it changed, with a word diff behind "Show changes"', async () => {
    setup([evidence(1, 'Budget'), evidence(2, 'Letter')], {
      captures: [
        done(1, { watch: { state: 'CHANGED', since: '2026-12-01T08:00:00Z', checkedAt: '2026-12-02T08:00:00Z', detail: null } }),
        done(2, { watch: { state: 'GONE', since: '2026-12-03T08:00:00Z', checkedAt: '2026-12-04T08:00:00Z', detail: 'HTTP 404' } }),
      ],
      watch: {
        watch: { state: 'CHANGED', since: '2026-12-01T08:00:00Z', checkedAt: '2026-12-02T08:00:00Z', detail: null },
        capturedAt: '2026-11-12T13:05:00Z',
        capturedText: 'The bridge cost 52 million euros in 2024.',
        currentText: 'The bridge cost 61 million euros in 2024.',
      },
    });
    const letter = await copyOf('Letter');
    expect(letter.textContent).toContain('Original no longer available since 3 Dec 2026.');
    const budget = await copyOf('Budget');
    expect(budget.textContent).toContain('Original changed since 1 Dec 2026.');
    const show = within(budget).getByRole('button', { name: 'Show changes' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    const region = await within(budget).findByRole('region', { name: 'Changes to the original since its preserved copy' });
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(show.getAttribute('aria-controls')).toBe(region.id);
    expect(region.querySelector('del')!.textContent).toBe('[removed: 52]');
    expect(region.querySelector('ins')!.textContent).toBe('[added: 61]');
    expect(region.querySelector('.diff-text')!.textContent).toBe('The bridge cost [removed: 52][added: 61] million euros in 2024.');
    fireEvent.click(within(budget).getByRole('button', { name: 'Hide changes' }));
    expect(within(budget).queryByRole('region')).toBeNull();
  });
});

describe('wordChanges', () => {
  it('marks removed and added words', () => {
    expect(wordChanges('a b c', 'a x c')).toEqual([
      { kind: 'same', text: 'a ' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'x' }, { kind: 'same', text: ' c' },
    ]);
  });

  it('cuts long unchanged stretches down to the words around each change', () => {
    const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
    const before = `${words(0, 100)} old ${words(100, 100)}`;
    const after = `${words(0, 100)} new ${words(100, 100)}`;
    const parts = wordChanges(before, after, 40)!;
    expect(parts.map((p) => p.kind)).toEqual(['skipped', 'same', 'removed', 'added', 'same', 'skipped']);
    expect(parts[1].text).toMatch(/^w\d+ .* $/); // whole words before the change
    expect(parts[1].text.length).toBeGreaterThanOrEqual(40);
    expect(parts[1].text.length).toBeLessThan(50);
    expect(parts[4].text.length).toBeLessThan(50);
    // Nothing lost: the parts without the added words are the text before.
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
  });

  it('keeps a short unchanged stretch whole', () => {
    expect(wordChanges('one two three four', 'one two three five', 40)).toEqual([
      { kind: 'same', text: 'one two three ' }, { kind: 'removed', text: 'four' }, { kind: 'added', text: 'five' },
    ]);
  });
});
