// Keyboard shortcuts: one table, which both the key handler and the help dialog read. They never
// fire while typing (an input, textarea, select or contenteditable has focus) nor with Ctrl, Alt or
// Meta held, so the browser's and the screen reader's own keys are left alone.
import { useEffect, useRef, useState } from 'react';
import { ErrorBox } from './components';
import { useDesk } from './desk';
import type { NavItem } from './nav';
import { navigate } from './router';

export type Command = 'search' | 'help' | 'next' | 'previous' | 'claimNext' | `go:${string}`;

export interface Shortcut {
  /** The keys pressed one after the other, as KeyboardEvent.key names them. */
  keys: string[];
  description: string;
  /** What it does; none for keys the browser handles itself (Enter on a focused link). */
  command?: Command;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['/'], description: 'Search', command: 'search' },
  { keys: ['g', 'q'], description: 'Go to the queue', command: 'go:/queue' },
  { keys: ['g', 'b'], description: 'Go to the board', command: 'go:/board' },
  { keys: ['g', 'r'], description: 'Go to the review inbox', command: 'go:/review' },
  { keys: ['g', 'p'], description: 'Go to the publishing queue', command: 'go:/publishing' },
  { keys: ['g', 'd'], description: 'Go to published fact-checks', command: 'go:/published' },
  { keys: ['g', 'i'], description: 'Go to intake', command: 'go:/intake' },
  { keys: ['g', 't'], description: 'Go to the tips', command: 'go:/tips' },
  { keys: ['j'], description: 'Next item in the list', command: 'next' },
  { keys: ['k'], description: 'Previous item in the list', command: 'previous' },
  { keys: ['Enter'], description: 'Open the item' },
  { keys: ['n'], description: 'Claim the next ticket (when you may claim)', command: 'claimNext' },
  { keys: ['?'], description: 'Show these shortcuts', command: 'help' },
];

/** Whether the key went to something the person types into. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * A keydown handler for the table: runs the command a key (or the second key of a sequence such
 * as "g q") names. Keys outside the table, typing and modifier keys end a started sequence.
 */
export function keyHandler(table: Shortcut[], run: (command: Command) => void): (event: KeyboardEvent) => void {
  let pending: string | null = null;
  return (event) => {
    // Nor behind an open modal dialog: its keys are its own.
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)
      || document.querySelector('[aria-modal="true"]')) {
      pending = null;
      return;
    }
    const sequence = pending ? [pending, event.key] : [event.key];
    pending = null;
    const match = table.find((s) => s.command && s.keys.join(' ') === sequence.join(' '));
    if (match?.command) {
      event.preventDefault();
      run(match.command);
      return;
    }
    if (sequence.length === 1 && table.some((s) => s.keys.length > 1 && s.keys[0] === event.key)) {
      pending = event.key;
      event.preventDefault();
    }
  };
}

/** The items j and k move between: each list marks its rows' main links with data-shortcut-item. */
export function moveFocus(step: 1 | -1, root: ParentNode = document): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>('[data-shortcut-item]'));
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next].focus();
}

/** The id of the header's search box, which "/" focuses. */
export const SEARCH_INPUT_ID = 'global-search';

/** Listens for the shortcuts on the whole page; renders the help dialog when asked. */
export function Shortcuts({ nav }: { nav: NavItem[] }) {
  const { api, permissions } = useDesk();
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef({ api, permissions, nav });
  useEffect(() => {
    latest.current = { api, permissions, nav };
  }, [api, permissions, nav]);

  useEffect(() => {
    const handler = keyHandler(SHORTCUTS, (command) => {
      const { api: client, permissions: allowed, nav: items } = latest.current;
      if (command === 'search') document.getElementById(SEARCH_INPUT_ID)?.focus();
      else if (command === 'help') setHelp(true);
      else if (command === 'next') moveFocus(1);
      else if (command === 'previous') moveFocus(-1);
      else if (command === 'claimNext') {
        if (!allowed.claimNext) return;
        setError(null);
        client.claimNext().then((ticket) => navigate(`/tickets/${ticket.id}`), setError);
      } else {
        const path = command.slice('go:'.length);
        if (items.some((item) => item.path === path)) navigate(path);
      }
    });
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, []);

  return (
    <>
      {error != null && <div className="shortcut-error"><ErrorBox error={error as Error} /></div>}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}

/** The list of shortcuts, from the same table; Escape or the button closes it and focus goes back where it was. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-h"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else if (e.key === 'Tab') {
            e.preventDefault(); // the close button is the dialog's only control: focus stays in it
            close.current?.focus();
          }
        }}
      >
        <h2 id="shortcuts-h">Keyboard shortcuts</h2>
        <table>
          <thead>
            <tr><th scope="col">Keys</th><th scope="col">Does</th></tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys.join(' ')}>
                <td>{s.keys.map((k, i) => <span key={i}>{i > 0 && ' then '}<kbd>{k}</kbd></span>)}</td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Shortcuts do nothing while you type in a field, or with Ctrl, Alt or Cmd held.</p>
        <button ref={close} onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
