import { useState, type FormEvent } from 'react';
import { actionsToShow, asksFirst, buttonsOf, tone, type ActionButton } from '../../actions';
import { Dialog, ErrorBox, useAction } from '../../components';
import { useDesk } from '../../desk';
import { anHourFromNowIn, zonedLocalToIso } from '../../time';
import type { Ticket } from '../../types';

/**
 * The buttons for the transitions the server permits now (ticket.permissions.actions), each
 * sending its action at once or through the dialog its entry in src/actions.ts describes.
 */
export function ActionBar({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { api, timeZone } = useDesk();
  const actions = actionsToShow(ticket.permissions.actions);
  const [pending, setPending] = useState<ActionButton | null>(null);
  const [busy, error, run, clearError] = useAction();

  if (actions.length === 0) return <ErrorBox error={error} />;

  const perform = async (button: ActionButton, body?: Record<string, unknown>) => {
    const ok = await run(() => api.transition(ticket.id, button.action, body));
    if (ok) {
      setPending(null);
      onDone();
    }
  };

  const open = (button: ActionButton) => {
    clearError();
    if (asksFirst(button)) setPending(button);
    else void perform(button);
  };

  return (
    <section className="actions" aria-label="Actions">
      {actions.map((spec) => (
        <span key={spec.action} className="action">
          {buttonsOf(spec).map((b) => (
            <button key={b.label} className={tone(b) || undefined} disabled={busy} onClick={() => open(b)}>
              {b.label}
            </button>
          ))}
        </span>
      ))}
      {!pending && <ErrorBox error={error} />}
      {pending && (
        <ActionDialog
          // A fresh form (empty fields, the default date) for every opening.
          key={pending.action + pending.label}
          button={pending}
          ticket={ticket}
          timeZone={timeZone}
          busy={busy}
          error={error}
          onSubmit={(body) => void perform(pending, body)}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  );
}

interface DialogProps {
  button: ActionButton;
  ticket: Ticket;
  timeZone: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (body: Record<string, unknown> | undefined) => void;
  onClose: () => void;
}

/** Asks what the action's entry needs (a date, a text, a person), checks it is there, then sends. */
function ActionDialog({ button, ticket, timeZone, busy, error, onSubmit, onClose }: DialogProps) {
  const { people } = useDesk();
  const [text, setText] = useState('');
  const [person, setPerson] = useState('');
  const [when, setWhen] = useState(() => anHourFromNowIn(timeZone));
  const [inputError, setInputError] = useState<string | null>(null);

  // People to pick an assignee from: the directory's fact-checkers. A pick list, not a rule: the
  // server judges the assignee and its refusal is shown as it comes.
  const factcheckers = people.filter((p) => p.roles.includes('factchecker'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    if (button.text) {
      if (button.text.required && !text.trim()) return setInputError(`${button.text.label} is required.`);
      body[button.text.field] = text.trim();
    }
    if (button.person) {
      if (button.person.required && !person) return setInputError('Choose a person.');
      if (person) body.assignee = person;
    }
    if (button.date) {
      const iso = zonedLocalToIso(when, timeZone);
      if (!iso) return setInputError('Enter a date and time.');
      body[button.date.field] = iso;
    }
    onSubmit(Object.keys(body).length ? body : undefined);
  };

  return (
    <Dialog title={button.title ?? `${button.label}?`} onClose={onClose}>
      <form onSubmit={submit}>
        {button.note && <p>{button.note(ticket)}</p>}
        {button.date && (
          <label>
            {button.date.label} ({timeZone})
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
          </label>
        )}
        {button.text && (
          <label>
            {button.text.label}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} required={button.text.required} />
          </label>
        )}
        {button.person && (
          <label>
            {button.person.label}
            <select value={person} onChange={(e) => setPerson(e.target.value)} required={button.person.required}>
              <option value="">{button.person.none}</option>
              {factcheckers.map((p) => <option key={p.subject} value={p.subject}>{p.name || p.username}</option>)}
            </select>
          </label>
        )}
        <ErrorBox error={inputError ?? error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className={tone(button) === 'danger' ? 'danger' : 'primary'} disabled={busy}>
            {button.submit ?? button.label}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
