// The comment box with @mention help: typing "@" and the start of a user name or name offers the desk's
// people (from the people list); ArrowUp/ArrowDown choose, Enter or Tab insert "@username ", Escape closes.
// The server notifies each person mentioned by user name (MENTIONED), never the comment's author.
import { Fragment, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDesk } from '../../desk';
import type { Person } from '../../types';

/** The "@query" being typed just before the caret, if any: an @ at the start or after a space or punctuation. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2].length - 1, query: m[2] };
}

/** At most 6 people whose user name starts with, or whose name contains, the query; never oneself. */
export function suggestions(people: Person[], query: string, me: string): Person[] {
  const q = query.toLowerCase();
  return people
    .filter((p) => p.subject !== me)
    .filter((p) => p.username.toLowerCase().startsWith(q) || (p.name ?? '').toLowerCase().includes(q))
    .slice(0, 6);
}

export function MentionBox({ id, value, onChange, onSubmit }: { id: string; value: string; onChange: (value: string) => void; onSubmit: () => void }) {
  const { people, me } = useDesk();
  const listId = useId();
  const hintId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);

  const at = mentionAt(value, caret);
  const options = at ? suggestions(people, at.query, me.subject) : [];
  const open = at !== null && options.length > 0 && dismissed !== at.start;
  const current = Math.min(active, options.length - 1);

  const insert = (person: Person) => {
    if (!at) return;
    const text = `${value.slice(0, at.start)}@${person.username} ${value.slice(caret)}`;
    const position = at.start + person.username.length + 2;
    onChange(text);
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(position, position);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((current + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        insert(options[current]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(at!.start);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit();
  };

  return (
    <div className="mention-box">
      <textarea
        ref={area}
        id={id}
        value={value}
        rows={3}
        aria-describedby={hintId}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="muted small">Type @ and a name to notify someone; Ctrl+Enter adds the comment.</p>
      {open && (
        <ul id={listId} role="listbox" aria-label="People to mention" className="mention-list">
          {options.map((p, i) => (
            <li
              key={p.subject}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the caret in the box
                insert(p);
              }}
            >
              {p.name ?? p.username} <span className={i === current ? '' : 'muted'}>@{p.username}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A comment's text with the @mentions of the desk's people in bold (as text: nothing in it is markup). */
export function WithMentions({ text, people }: { text: string; people: Person[] }) {
  const known = new Set(people.map((p) => p.username.toLowerCase()));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]+)/gu)) {
    const name = m[2].replace(/[.-]+$/, '');
    if (!known.has(name.toLowerCase())) continue;
    const start = m.index + m[1].length;
    parts.push(text.slice(last, start), <strong key={start} className="mention">@{name}</strong>);
    last = start + name.length + 1;
  }
  parts.push(text.slice(last));
  return <>{parts.map((part, i) => <Fragment key={i}>{part}</Fragment>)}</>;
}
