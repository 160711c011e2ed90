import { useState, type FormEvent } from 'react';
import { actionsToShow, asksFirst, tone, type ActionSpec } from '../../actions';
import { Dialog, ErrorBox, useAction } from '../../components';
import { useDesk } from '../../desk';
import { anHourFromNowIn, zonedLocalToIso } from '../../time';
import type { Ticket } from '../../types';

/**
 * The buttons for the transitions the server permits now (ticket.permissions.actions), each
 * sending its action at once or through the dialog its entry in src/actions.ts describes.
 */
export function ActionBar({ ticket, onDone, beforeSubmit }: {
  ticket: Ticket;
  onDone: () => void;
  /** Saves what is on screen and unsaved; submitting sends the work the person sees, not an older save. */
  beforeSubmit?: () => Promise<boolean>;
}) {
  const { api, timeZone } = useDesk();
  const actions = actionsToShow(ticket.permissions.actions);
  const [pending, setPending] = useState<ActionSpec | null>(null);
  const [busy, error, run, clearError] = useAction();

  if (actions.length === 0) return <ErrorBox error={error} />;

  const perform = async (spec: ActionSpec, body?: Record<string, unknown>) => {
    const ok = await run(async () => {
      if (spec.action === 'submit' && beforeSubmit && !(await beforeSubmit())) {
        throw new Error('The verdict draft could not be saved, so the ticket was not submitted: see the verdict below.');
      }
      return api.transition(ticket.id, spec.path ?? spec.action, body);
    });
    if (ok) {
      setPending(null);
      onDone();
    }
  };

  const open = (spec: ActionSpec) => {
    clearError();
    if (asksFirst(spec)) setPending(spec);
    else void perform(spec);
  };

  return (
    <section className="actions" aria-label="Actions">
      {actions.map((spec) => (
        <span key={spec.action} className="action">
          <button className={tone(spec)} disabled={busy} onClick={() => open(spec)}>{spec.label}</button>
        </span>
      ))}
      {!pending && <ErrorBox error={error} />}
      {pending && (
        <ActionDialog
          // A fresh form (empty fields, the default date) for every opening.
          key={pending.action}
          spec={pending}
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
  spec: ActionSpec;
  ticket: Ticket;
  timeZone: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (body: Record<string, unknown> | undefined) => void;
  onClose: () => void;
}

/** Asks what the action's entry needs (a date, a text, a person), checks it is there, then sends. */
function ActionDialog({ spec, ticket, timeZone, busy, error, onSubmit, onClose }: DialogProps) {
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
    if (spec.text) {
      if (spec.text.required && !text.trim()) return setInputError(`${spec.text.label} is required.`);
      body[spec.text.field] = text.trim();
    }
    if (spec.person) {
      if (spec.person.required && !person) return setInputError('Choose a person.');
      if (person) body.assignee = person;
    }
    if (spec.date) {
      const iso = zonedLocalToIso(when, timeZone);
      if (!iso) return setInputError('Enter a date and time.');
      body[spec.date.field] = iso;
    }
    onSubmit(Object.keys(body).length ? body : undefined);
  };

  return (
    <Dialog title={spec.title ?? `${spec.label}?`} onClose={onClose}>
      <form onSubmit={submit}>
        {spec.note && <p>{spec.note(ticket)}</p>}
        {spec.date && (
          <label>
            {spec.date.label} ({timeZone})
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
          </label>
        )}
        {spec.text && (
          <label>
            {spec.text.label}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} required={spec.text.required} />
          </label>
        )}
        {spec.person && (
          <label>
            {spec.person.label}
            <select value={person} onChange={(e) => setPerson(e.target.value)} required={spec.person.required}>
              <option value="">{spec.person.none}</option>
              {factcheckers.map((p) => <option key={p.subject} value={p.subject}>{p.name || p.username}</option>)}
            </select>
          </label>
        )}
        <ErrorBox error={inputError ?? error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className={tone(spec) === 'danger' ? 'danger' : 'primary'} disabled={busy}>
            {spec.submit ?? spec.label}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
