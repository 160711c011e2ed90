import { useState, type FormEvent } from 'react';
import { ErrorBox, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useDraft } from '../../hooks/useDraft';
import { isoToZonedLocal, zonedLocalToIso } from '../../time';
import { PRIORITIES, type Priority, type Ticket } from '../../types';
import { ConflictNote, StaleReload, label } from './shared';

/** Priority and deadline: triage, set apart from the reviewed content and never frozen by review. */
export function TriagePanel({ ticket, onSaved }: { ticket: Ticket; onSaved: () => void }) {
  const { api, timeZone } = useDesk();
  const server = { priority: (ticket.claim.priority ?? 'NORMAL') as Priority, deadline: isoToZonedLocal(ticket.deadline, timeZone) };
  const draft = useDraft(server, ticket.version);
  const [busy, error, run] = useAction();
  const [inputError, setInputError] = useState<string | null>(null);
  const v = draft.value;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setInputError(null);
    const zoned = v.deadline ? zonedLocalToIso(v.deadline, timeZone) : null;
    if (v.deadline && !zoned) return setInputError('Enter a date and time, or no deadline.');
    // Sent as a UTC instant ("…Z"), the plainest form of an ISO instant.
    const deadline = zoned ? new Date(zoned).toISOString() : null;
    const ok = await run(() => api.triage(ticket.id, { priority: v.priority, deadline, version: draft.baseVersion ?? ticket.version }));
    if (ok) {
      draft.reset();
      onSaved();
    }
  };

  return (
    <section className="panel" aria-labelledby="triage-h">
      <h2 id="triage-h">Triage</h2>
      <form onSubmit={save} className="form" aria-label="Triage">
        <ConflictNote show={draft.changedElsewhere} onReload={() => draft.reset()} />
        <label>Priority
          <select value={v.priority} onChange={(e) => draft.update({ priority: e.target.value as Priority })}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{label(p)}</option>)}
          </select>
        </label>
        <label>Deadline ({timeZone})
          <input type="datetime-local" value={v.deadline} onChange={(e) => draft.update({ deadline: e.target.value })} />
        </label>
        <ErrorBox error={inputError ?? error}><StaleReload error={error} onReload={() => { draft.reset(); onSaved(); }} /></ErrorBox>
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy || !draft.dirty}>Save triage</button>
          {v.deadline && <button type="button" onClick={() => draft.update({ deadline: '' })}>No deadline</button>}
        </div>
      </form>
    </section>
  );
}
