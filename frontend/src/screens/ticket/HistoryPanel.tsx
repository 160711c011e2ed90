import { statusText, When } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import type { HistoryEvent } from '../../types';
import { capitalised, changeLines } from './history';

/** The ticket's audit events, newest first, as sentences ("Alice claimed the ticket") with what each changed. */
export function HistoryPanel({ history }: { history: HistoryEvent[] }) {
  const { timeZone } = useDesk();
  const name = usePersonName();
  return (
    <section className="panel" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      <ol className="timeline">
        {[...history].reverse().map((e) => {
          const changes = changeLines(e.changes, { person: (subject) => name(subject, subject === e.actor ? e.actorName : null), timeZone });
          return (
            <li key={e.id}>
              <When iso={e.occurredAt} timeZone={timeZone} /> — <strong>{capitalised(name(e.actor, e.actorName))}</strong> {e.label}
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <> ({statusText(e.fromStatus)} → {statusText(e.toStatus)})</>
              )}
              {changes.length > 0 && (
                <ul className="changes small" aria-label="Changes">
                  {changes.map((line, i) => <li key={i}>{line}</li>)}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
