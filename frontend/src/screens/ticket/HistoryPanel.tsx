import { statusText, When } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import type { HistoryEvent } from '../../types';

/** The ticket's audit events, newest first, with what each changed. */
export function HistoryPanel({ history }: { history: HistoryEvent[] }) {
  const { timeZone } = useDesk();
  const name = usePersonName();
  return (
    <section className="panel" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      <ol className="timeline">
        {[...history].reverse().map((e) => (
          <li key={e.id}>
            <When iso={e.occurredAt} timeZone={timeZone} /> — <strong>{name(e.actor)}</strong> {e.action}
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <> ({statusText(e.fromStatus)} → {statusText(e.toStatus)})</>
            )}
            {e.changes != null && (
              <details>
                <summary>Changes</summary>
                <pre>{JSON.stringify(e.changes, null, 2)}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
