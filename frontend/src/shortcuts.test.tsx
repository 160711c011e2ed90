import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_PERMISSIONS, navFor } from './nav';
import { fakeDesk, json } from './testing/fakeDesk';
import { SHORTCUTS, Shortcuts, keyHandler, moveFocus, type Command } from './shortcuts';

function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

function listen() {
  const run = vi.fn<(command: Command) => void>();
  const handler = keyHandler(SHORTCUTS, run);
  document.addEventListener('keydown', handler);
  return { run, off: () => document.removeEventListener('keydown', handler) };
}

describe('keyboard shortcuts', () => {
  afterEach(() => {
    cleanup();
    document.body.innerHTML = '';
    window.location.hash = '';
  });

  it('runs single keys and two-key sequences from the table', () => {
    const { run, off } = listen();
    press('/');
    press('g');
    press('q');
    press('j');
    press('?', { shiftKey: true });
    press('g');
    press('x'); // not a sequence: ends the started one
    press('q'); // alone, q is nothing
    expect(run.mock.calls.map((c) => c[0])).toEqual(['search', 'go:/queue', 'next', 'help']);
    off();
  });

  it('never fires while typing, nor with Ctrl, Alt or Meta held', () => {
    const { run, off } = listen();
    document.body.innerHTML = '<input id="i"><textarea id="t"></textarea><select id="s"></select><div id="c" contenteditable="true"><span id="in">x</span></div>';
    for (const id of ['i', 't', 's', 'c', 'in']) {
      expect(press('/', {}, document.getElementById(id)!).defaultPrevented).toBe(false);
      press('j', {}, document.getElementById(id)!);
    }
    press('/', { ctrlKey: true });
    press('j', { altKey: true });
    press('k', { metaKey: true });
    press('g', { ctrlKey: true });
    press('q');
    document.body.innerHTML = '<div role="dialog" aria-modal="true"><button>Ok</button></div>';
    press('/');
    press('j');
    expect(run).not.toHaveBeenCalled();
    off();
  });

  it('j and k move focus between the list items and stop at the ends', () => {
    document.body.innerHTML = '<a href="#1" data-shortcut-item>1</a><a href="#2" data-shortcut-item>2</a><a href="#x">x</a>';
    moveFocus(1);
    expect(document.activeElement?.textContent).toBe('1');
    moveFocus(1);
    moveFocus(1);
    expect(document.activeElement?.textContent).toBe('2');
    moveFocus(-1);
    expect(document.activeElement?.textContent).toBe('1');
  });

  it('? opens a help dialog listing the same table; Escape closes it and focus returns', () => {
    const fake = fakeDesk(() => undefined);
    render(<><button>Before</button><Shortcuts nav={navFor(NO_PERMISSIONS)} /></>, { wrapper: fake.wrapper });
    const before = screen.getByRole('button', { name: 'Before' });
    before.focus();
    press('?', { shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const rows = dialog.querySelectorAll('tbody tr');
    expect(Array.from(rows).map((r) => r.lastElementChild?.textContent)).toEqual(SHORTCUTS.map((s) => s.description));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  it('n claims the next ticket only when the server allows it; g goes only to screens the navigation offers', async () => {
    const route = (method: string, url: string) => (method === 'POST' && url.endsWith('/api/tickets/claim-next') ? json({ id: 12 }) : undefined);
    const denied = fakeDesk(route);
    const { unmount } = render(<Shortcuts nav={navFor(NO_PERMISSIONS)} />, { wrapper: denied.wrapper });
    press('n');
    press('g');
    press('b');
    expect(denied.writes()).toEqual([]);
    expect(window.location.hash).toBe('');
    press('g');
    press('d');
    expect(window.location.hash).toBe('#/published');
    unmount();

    const allowed = fakeDesk(route, { permissions: { ...NO_PERMISSIONS, claimNext: true } });
    render(<Shortcuts nav={navFor(NO_PERMISSIONS)} />, { wrapper: allowed.wrapper });
    press('n');
    await vi.waitFor(() => expect(window.location.hash).toBe('#/tickets/12'));
    expect(allowed.writes().map((w) => w.url)).toEqual(['/api/tickets/claim-next']);
  });
});
