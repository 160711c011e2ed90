import { ErrorBox, useAction, When } from '../../components';
import { useDesk } from '../../desk';
import { useLoad } from '../../hooks/useLoad';
import type { Ticket } from '../../types';
import { label } from './shared';

/**
 * How many of the public asked about this ticket's claim, and the priority that suggests (the server's
 * rule). An editor applies it through triage, like any priority; nothing changes by itself.
 */
export function AskedPanel({ ticket, onApplied }: { ticket: Ticket; onApplied: () => void }) {
  const { api, timeZone } = useDesk();
  const asked = useLoad(() => api.asked(ticket.id), [api, ticket.id]);
  const [busy, error, run] = useAction();
  const a = asked.data;
  // Nobody asked (or the count could not be read): the workspace needs no panel for it.
  if (!a || a.asked === 0) return null;
  const suggested = a.suggestedPriority;
  const applicable = suggested != null && ticket.permissions.edit.triage && suggested !== ticket.claim.priority;

  const apply = () => {
    if (!suggested) return;
    void run(async () => {
      await api.triage(ticket.id, { priority: suggested, deadline: ticket.deadline, version: ticket.version });
      onApplied();
    });
  };

  return (
    <section className="panel" aria-labelledby="asked-h">
      <h2 id="asked-h">Asked by the public</h2>
      <p>
        Asked by {a.asked} {a.asked === 1 ? 'person' : 'people'}
        {a.since && <> (since <When iso={a.since} timeZone={timeZone} />)</>}
        {suggested && <>; suggested priority <strong>{suggested}</strong></>}
      </p>
      {applicable && (
        <button type="button" onClick={apply} disabled={busy}>Set priority to {label(suggested)}</button>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
