import { ChangesRequested, Deadline, PriorityBadge, PublicationFailure, StatusBadge, When } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import { href } from '../../router';
import type { Comment, Ticket } from '../../types';

/**
 * Where the ticket stands: status, priority, deadline, assignee, schedule and publications, and
 * whether a reviewer sent it back ({@code request}: the reviewer's comment, when it is loaded).
 */
export function TicketHeader({ ticket, request }: { ticket: Ticket; request?: Comment | null }) {
  const { timeZone } = useDesk();
  const name = usePersonName();
  return (
    <header className="screen-head">
      <div>
        <p className="muted"><a href={href('/queue')}>Queue</a> › Ticket #{ticket.id}</p>
        <h1>Ticket #{ticket.id}</h1>
        <div className="meta">
          <StatusBadge status={ticket.status} />
          <ChangesRequested ticket={ticket} />
          <PriorityBadge priority={ticket.claim.priority} />
          <Deadline deadline={ticket.deadline} overdue={ticket.overdue} timeZone={timeZone} status={ticket.status} />
          <span>Assignee: {name(ticket.assignee, ticket.assigneeName)}</span>
          {ticket.publishAt && <span className="badge scheduled">Scheduled for <When iso={ticket.publishAt} timeZone={timeZone} /></span>}
          {ticket.publishedVersions > 0 && <span>{ticket.publishedVersions} published version{ticket.publishedVersions > 1 ? 's' : ''}</span>}
          {ticket.publishedVersions > 0 && <a href={`/fact-checks/${ticket.id}`} target="_blank" rel="noopener">Public page</a>}
        </div>
        {ticket.changesRequested && (
          <p className="note" role="note">
            {request
              ? <>{name(request.author)} asked for changes: <q>{request.body}</q> </>
              : 'A reviewer asked for changes. '}
            {/* A button, not a #fragment link: the hash is the router's. */}
            <button type="button" onClick={() => document.getElementById('comments-h')?.scrollIntoView()}>Go to the comments</button>
          </p>
        )}
        {ticket.reason && <p className="note">Reason: {ticket.reason}</p>}
        <PublicationFailure ticket={ticket} />
      </div>
    </header>
  );
}
