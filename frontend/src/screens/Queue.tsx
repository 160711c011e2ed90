import { useMemo, useState, type FormEvent } from 'react';
import { ChangesRequested, Claimant, Deadline, ErrorBox, PriorityBadge, PublicationFailure, Spinner, StatusBadge, When, useAction } from '../components';
import { useDesk, usePersonName } from '../desk';
import { useLiveRefetch } from '../hooks/useLiveRefetch';
import { useLoad } from '../hooks/useLoad';
import type { TicketQuery } from '../api';
import { href, navigate } from '../router';
import { STATUSES, type Status, type Ticket } from '../types';
import { statusText } from '../components';

const OPEN_STATUSES: Status[] = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED'];

function TicketTable({ tickets, show }: { tickets: Ticket[]; show?: { publishAt?: boolean; publicLink?: boolean } }) {
  const { timeZone } = useDesk();
  const name = usePersonName();
  if (tickets.length === 0) return <p className="empty">No tickets here.</p>;
  return (
    <ul className="tickets" aria-label="Tickets">
      {tickets.map((t) => (
        <li key={t.id} className={t.overdue ? 'ticket-row is-overdue' : 'ticket-row'}>
          <div className="ticket-main">
            <a href={href(`/tickets/${t.id}`)} className="ticket-link">
              <span className="ticket-id">#{t.id}</span> {t.claim.text}
            </a>
            <div className="meta">
              <StatusBadge status={t.status} />
              <ChangesRequested ticket={t} />
              <PriorityBadge priority={t.claim.priority} />
              {(t.claim.claimant || t.claim.claimantErased) && <span>Claimant: <Claimant claim={t.claim} timeZone={timeZone} /></span>}
              <span>{t.claim.language}</span>
              {t.claim.topics.map((topic) => <span key={topic} className="tag">{topic}</span>)}
            </div>
          </div>
          <div className="ticket-side">
            <Deadline deadline={t.deadline} overdue={t.overdue} timeZone={timeZone} status={t.status} />
            <span className="muted">Assignee: {name(t.assignee, t.assigneeName)}</span>
            {show?.publishAt && (t.publishAt ? <span className="badge scheduled">Scheduled <When iso={t.publishAt} timeZone={timeZone} /></span> : <span className="muted">Not scheduled</span>)}
            {show?.publishAt && <PublicationFailure ticket={t} />}
            {show?.publicLink && (
              <a href={`/fact-checks/${t.id}`} target="_blank" rel="noopener">Public page<span className="visually-hidden"> of ticket {t.id}</span></a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Pager({ page, size, total, onPage }: { page: number; size: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return <p className="muted">{total} ticket{total === 1 ? '' : 's'}</p>;
  return (
    <nav className="pager" aria-label="Pages">
      <button disabled={page === 0} onClick={() => onPage(page - 1)}>Previous page</button>
      <span>Page {page + 1} of {pages} · {total} tickets</span>
      <button disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>Next page</button>
    </nav>
  );
}

export function Queue() {
  const { api, me, permissions, people } = useDesk();
  const [filters, setFilters] = useState<TicketQuery>({ status: [], sort: 'urgency' });
  const [draftQ, setDraftQ] = useState('');
  const [page, setPage] = useState(0);
  const mine = filters.assignee === me.subject;
  const query = useMemo<TicketQuery>(() => ({
    ...filters,
    status: filters.status && filters.status.length > 0 ? filters.status : OPEN_STATUSES,
    page,
    size: 25,
  }), [filters, page]);
  const list = useLoad(() => api.tickets(query), [api, query]);
  useLiveRefetch(() => true, list.reload);
  const [busy, actionError, run] = useAction();

  const set = (patch: Partial<TicketQuery>) => {
    setPage(0);
    setFilters((f) => ({ ...f, ...patch }));
  };

  const claimNext = () =>
    run(async () => {
      const ticket = await api.claimNext();
      navigate(`/tickets/${ticket.id}`);
    });

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    set({ q: draftQ });
  };

  return (
    <section>
      <div className="screen-head">
        <h1>{mine ? 'My tickets' : 'Queue'}</h1>
        <div className="toolbar">
          {permissions.claimNext && (
            <button className="primary" onClick={claimNext} disabled={busy}>Claim next</button>
          )}
          <button aria-pressed={mine} onClick={() => set({ assignee: mine ? undefined : me.subject })}>My tickets</button>
        </div>
      </div>
      <ErrorBox error={actionError} />
      <form className="filters" onSubmit={onSearch} role="search" aria-label="Filter tickets">
        <label>
          Search
          <input type="search" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} placeholder="Words in claim or claimant" />
        </label>
        <label>
          Status
          <select value={filters.status?.[0] ?? ''} onChange={(e) => set({ status: e.target.value ? [e.target.value] : [] })}>
            <option value="">All open work</option>
            {STATUSES.map((s) => <option key={s} value={s}>{statusText(s)}</option>)}
          </select>
        </label>
        <label>
          Topic
          <input value={filters.topic ?? ''} onChange={(e) => set({ topic: e.target.value })} />
        </label>
        <label>
          Language
          <input value={filters.language ?? ''} onChange={(e) => set({ language: e.target.value })} size={5} placeholder="en" />
        </label>
        <label>
          Assignee
          <select value={filters.assignee ?? ''} onChange={(e) => set({ assignee: e.target.value || undefined })}>
            <option value="">Anyone</option>
            <option value={me.subject}>Me</option>
            {people.filter((p) => p.subject !== me.subject).map((p) => <option key={p.subject} value={p.subject}>{p.name || p.username}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={!!filters.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })} />
          Overdue only
        </label>
        <label>
          Sort
          <select value={filters.sort ?? 'urgency'} onChange={(e) => set({ sort: e.target.value })}>
            <option value="urgency">Urgency</option>
            <option value="deadline">Deadline</option>
            <option value="-created">Newest</option>
            <option value="created">Oldest</option>
            <option value="-updated">Recently changed</option>
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorBox error={list.error} />
      {list.data ? (
        <>
          <TicketTable tickets={list.data.items} />
          <Pager page={page} size={25} total={list.data.total} onPage={setPage} />
        </>
      ) : (
        list.loading && <Spinner />
      )}
    </section>
  );
}

const BOARD_COLUMNS: Status[] = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'];

/** The editor's board: a column per status with its count. */
export function Board() {
  const { api } = useDesk();
  const board = useLoad(
    () => Promise.all(BOARD_COLUMNS.map((s) => api.tickets({ status: [s], sort: s === 'PUBLISHED' ? '-updated' : 'urgency', size: 20 }))),
    [api],
  );
  useLiveRefetch(() => true, board.reload);
  const { timeZone } = useDesk();
  return (
    <section>
      <h1>Board</h1>
      <ErrorBox error={board.error} />
      {!board.data && board.loading && <Spinner />}
      {board.data && (
        <div className="board">
          {BOARD_COLUMNS.map((status, i) => {
            const page = board.data![i];
            return (
              <section key={status} className="column" aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {statusText(status)} <span className="count" aria-label={`${page.total} tickets`}>{page.total}</span>
                </h2>
                <ul>
                  {page.items.map((t) => (
                    <li key={t.id} className={t.overdue ? 'card is-overdue' : 'card'}>
                      <a href={href(`/tickets/${t.id}`)}>#{t.id} {t.claim.text}</a>
                      <div className="meta">
                        <ChangesRequested ticket={t} />
                        <PriorityBadge priority={t.claim.priority} />
                        <Deadline deadline={t.deadline} overdue={t.overdue} timeZone={timeZone} status={t.status} />
                      </div>
                    </li>
                  ))}
                </ul>
                {page.total > page.items.length && <p className="muted">and {page.total - page.items.length} more</p>}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

const LISTS = {
  review: { title: 'Review inbox', status: ['IN_REVIEW'], sort: 'urgency', intro: 'Verdicts waiting for a second pair of eyes.' },
  publishing: { title: 'Publishing queue', status: ['APPROVED'], sort: 'urgency', intro: 'Approved verdicts, including scheduled ones.' },
  published: { title: 'Published', status: ['PUBLISHED', 'RETRACTED'], sort: '-updated', intro: 'Fact-checks out in public.' },
} as const;

export function ListScreen({ kind }: { kind: keyof typeof LISTS }) {
  const { api } = useDesk();
  const spec = LISTS[kind];
  const [page, setPage] = useState(0);
  const list = useLoad(() => api.tickets({ status: [...spec.status], sort: spec.sort, page, size: 25 }), [api, spec, page]);
  useLiveRefetch(() => true, list.reload);
  return (
    <section>
      <h1>{spec.title}</h1>
      <p className="muted">{spec.intro}</p>
      {kind === 'published' && (
        <nav className="feeds" aria-label="Feeds">
          Feeds:{' '}
          <a href="/feeds/atom.xml">Atom</a> · <a href="/feeds/rss.xml">RSS</a> · <a href="/feeds/feed.json">JSON Feed</a> ·{' '}
          <a href="/feeds/claimreview.json">ClaimReview</a>
        </nav>
      )}
      <ErrorBox error={list.error} />
      {list.data ? (
        <>
          <TicketTable tickets={list.data.items} show={{ publishAt: kind === 'publishing', publicLink: kind === 'published' }} />
          <Pager page={page} size={25} total={list.data.total} onPage={setPage} />
        </>
      ) : (
        list.loading && <Spinner />
      )}
    </section>
  );
}
