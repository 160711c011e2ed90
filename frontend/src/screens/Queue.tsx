import { useMemo, useState, type FormEvent } from 'react';
import { ChangesRequested, Claimant, Deadline, ErrorBox, PriorityBadge, PublicationFailure, Spinner, StatusBadge, When, useAction } from '../components';
import { useDesk, usePersonName } from '../desk';
import { useLiveRefetch } from '../hooks/useLiveRefetch';
import { useLoad } from '../hooks/useLoad';
import type { TicketQuery } from '../api';
import { changeView, href, navigate, parseView, viewValue, viewValues, useRoute, type View } from '../router';
import { PRIORITIES, STATUSES, type BulkAction, type BulkOutcome, type Priority, type Status, type Ticket } from '../types';
import { statusText } from '../components';

const OPEN_STATUSES: Status[] = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED'];
const PAGE_SIZE = 25;

/** Each ticket list: where it lives, the statuses it may show (and shows by default), its default order. */
export interface ListSpec {
  path: string;
  title: string;
  intro?: string;
  statuses: readonly Status[];
  defaultStatuses: readonly Status[];
  sort: string;
}

export const LISTS = {
  queue: { path: '/queue', title: 'Queue', statuses: STATUSES, defaultStatuses: OPEN_STATUSES, sort: 'urgency' },
  review: { path: '/review', title: 'Review inbox', intro: 'Verdicts waiting for a second pair of eyes.', statuses: ['IN_REVIEW'], defaultStatuses: ['IN_REVIEW'], sort: 'urgency' },
  publishing: { path: '/publishing', title: 'Publishing queue', intro: 'Approved verdicts, including scheduled ones.', statuses: ['APPROVED'], defaultStatuses: ['APPROVED'], sort: 'urgency' },
  published: { path: '/published', title: 'Published', intro: 'Fact-checks out in public.', statuses: ['PUBLISHED', 'RETRACTED'], defaultStatuses: ['PUBLISHED', 'RETRACTED'], sort: '-updated' },
} satisfies Record<string, ListSpec>;

const SORTS: [string, string][] = [
  ['urgency', 'Urgency'], ['deadline', 'Deadline'], ['-created', 'Newest'], ['created', 'Oldest'], ['-updated', 'Recently changed'],
];

/** The server query of a list's view (the hash query): every filter goes to the server, none is applied here. */
export function ticketQueryOf(view: View, spec: ListSpec): TicketQuery {
  const wanted = viewValues(view, 'status').filter((s): s is Status => (spec.statuses as readonly string[]).includes(s));
  const changes = viewValue(view, 'changesRequested');
  const page = Number(viewValue(view, 'page') ?? 0);
  return {
    status: wanted.length > 0 ? wanted : [...spec.defaultStatuses],
    topic: viewValue(view, 'topic'),
    language: viewValue(view, 'language'),
    assignee: viewValue(view, 'assignee'),
    priority: viewValue(view, 'priority'),
    q: viewValue(view, 'q'),
    overdue: viewValue(view, 'overdue') === 'true' || undefined,
    changesRequested: changes === 'true' ? true : changes === 'false' ? false : undefined,
    sort: viewValue(view, 'sort') ?? spec.sort,
    page: Number.isInteger(page) && page > 0 ? page : 0,
    size: PAGE_SIZE,
  };
}

function TicketTable({ tickets, show, selection }: {
  tickets: Ticket[];
  show?: { publishAt?: boolean; publicLink?: boolean };
  selection?: { selected: ReadonlySet<number>; toggle: (id: number, on: boolean) => void };
}) {
  const { timeZone } = useDesk();
  const name = usePersonName();
  if (tickets.length === 0) return <p className="empty">No tickets here.</p>;
  return (
    <ul className="tickets" aria-label="Tickets">
      {tickets.map((t) => (
        <li key={t.id} className={t.overdue ? 'ticket-row is-overdue' : 'ticket-row'}>
          {selection && (
            <label className="row-select">
              <input type="checkbox" checked={selection.selected.has(t.id)} onChange={(e) => selection.toggle(t.id, e.target.checked)} />
              <span className="visually-hidden">Select ticket #{t.id}</span>
            </label>
          )}
          <div className="ticket-main">
            <a href={href(`/tickets/${t.id}`)} className="ticket-link" data-shortcut-item="">
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

/** A text filter typed first and applied with the form; follows the URL when it changes (back button, shared link). */
function useDraft(value: string | undefined): [string, (v: string) => void] {
  const [seen, setSeen] = useState(value ?? '');
  const [draft, setDraft] = useState(value ?? '');
  if ((value ?? '') !== seen) {
    setSeen(value ?? '');
    setDraft(value ?? '');
  }
  return [draft, setDraft];
}

/** The filters of a ticket list, read from and written to its view in the URL. */
function TicketFilters({ spec, view, omit = [] }: { spec: ListSpec; view: View; omit?: ('status' | 'sort')[] }) {
  const { me, people } = useDesk();
  const [q, setQ] = useDraft(viewValue(view, 'q'));
  const [topic, setTopic] = useDraft(viewValue(view, 'topic'));
  const [language, setLanguage] = useDraft(viewValue(view, 'language'));
  const set = (patch: View) => changeView(spec.path, view, patch);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() || undefined, topic: topic.trim() || undefined, language: language.trim() || undefined });
  };
  const status = viewValues(view, 'status');
  const filtered = Object.keys(view).some((k) => k !== 'page' && k !== 'sort');
  return (
    <form className="filters" onSubmit={onSubmit} role="search" aria-label={`Filter ${spec.title.toLowerCase()}`}>
      <label>
        Words
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="In claim or claimant" maxLength={200} />
      </label>
      {!omit.includes('status') && spec.statuses.length > 1 && (
        <label>
          Status
          <select value={status.length === 1 ? status[0] : ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">{spec.path === '/queue' ? 'All open work' : 'All'}</option>
            {spec.statuses.map((s) => <option key={s} value={s}>{statusText(s)}</option>)}
          </select>
        </label>
      )}
      <label>
        Topic
        <input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={100} />
      </label>
      <label>
        Language
        <input value={language} onChange={(e) => setLanguage(e.target.value)} size={5} placeholder="en" maxLength={35} />
      </label>
      <label>
        Assignee
        <select value={viewValue(view, 'assignee') ?? ''} onChange={(e) => set({ assignee: e.target.value || undefined })}>
          <option value="">Anyone</option>
          <option value={me.subject}>Me</option>
          {people.filter((p) => p.subject !== me.subject).map((p) => <option key={p.subject} value={p.subject}>{p.name || p.username}</option>)}
        </select>
      </label>
      <label>
        Priority
        <select value={viewValue(view, 'priority') ?? ''} onChange={(e) => set({ priority: e.target.value || undefined })}>
          <option value="">Any</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p.charAt(0) + p.slice(1).toLowerCase()}</option>)}
        </select>
      </label>
      <label>
        Changes requested
        <select value={viewValue(view, 'changesRequested') ?? ''} onChange={(e) => set({ changesRequested: e.target.value || undefined })}>
          <option value="">Either</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={viewValue(view, 'overdue') === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} />
        Overdue only
      </label>
      {!omit.includes('sort') && (
        <label>
          Sort
          <select value={viewValue(view, 'sort') ?? spec.sort} onChange={(e) => set({ sort: e.target.value === spec.sort ? undefined : e.target.value })}>
            {SORTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
      )}
      <button type="submit">Apply</button>
      {filtered && <button type="button" onClick={() => navigate(spec.path)}>Clear filters</button>}
    </form>
  );
}

/** What a bulk action needs besides the tickets, and which tickets on the page the server lets this person change so. */
const BULK_ACTIONS: { action: BulkAction; label: string; allows: (t: Ticket) => boolean }[] = [
  { action: 'ASSIGN', label: 'Assign to', allows: (t) => t.permissions.actions.includes('assign') },
  { action: 'PRIORITY', label: 'Set priority', allows: (t) => t.permissions.edit.triage },
  { action: 'DISCARD', label: 'Discard', allows: (t) => t.permissions.actions.includes('discard') },
];

/** Bulk actions on the selected tickets of a page: shown only when the server grants triage and allows one on the page. */
function BulkBar({ tickets, selected, setSelected, onDone }: {
  tickets: Ticket[];
  selected: ReadonlySet<number>;
  setSelected: (ids: Set<number>) => void;
  onDone: () => void;
}) {
  const { api, people } = useDesk();
  const available = BULK_ACTIONS.filter((a) => tickets.some(a.allows));
  const [action, setAction] = useState<BulkAction | ''>('');
  const [assignee, setAssignee] = useState('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [busy, error, run] = useAction();
  if (available.length === 0) return null;
  const ids = tickets.map((t) => t.id).filter((id) => selected.has(id));
  const all = ids.length === tickets.length && tickets.length > 0;
  const ready = ids.length > 0 && (action === 'ASSIGN' ? !!assignee : action === 'PRIORITY' ? !!priority : action === 'DISCARD' ? !!reason.trim() : false);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !action) return;
    run(async () => {
      const result = await api.bulk({
        ticketIds: ids, action,
        assignee: action === 'ASSIGN' ? assignee : undefined,
        priority: action === 'PRIORITY' ? (priority as Priority) : undefined,
        reason: action === 'DISCARD' ? reason.trim() : undefined,
      });
      setOutcome(result);
      setSelected(new Set(result.results.filter((r) => !r.ok).map((r) => r.ticketId)));
      onDone();
    });
  };
  return (
    <form className="bulk" aria-label="Bulk actions" onSubmit={apply}>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setSelected(e.target.checked ? new Set(tickets.map((t) => t.id)) : new Set())} />
        Select all {tickets.length} on this page
      </label>
      <span aria-live="polite">{ids.length} selected</span>
      <label>
        Action
        <select value={action} onChange={(e) => setAction(e.target.value as BulkAction | '')}>
          <option value="">Choose…</option>
          {available.map((a) => <option key={a.action} value={a.action}>{a.label}</option>)}
        </select>
      </label>
      {action === 'ASSIGN' && (
        <label>
          Person
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)} required>
            <option value="">Choose…</option>
            {people.map((p) => <option key={p.subject} value={p.subject}>{p.name || p.username}</option>)}
          </select>
        </label>
      )}
      {action === 'PRIORITY' && (
        <label>
          Priority
          <select value={priority} onChange={(e) => setPriority(e.target.value as Priority | '')} required>
            <option value="">Choose…</option>
            {PRIORITIES.map((p) => <option key={p} value={p}>{p.charAt(0) + p.slice(1).toLowerCase()}</option>)}
          </select>
        </label>
      )}
      {action === 'DISCARD' && (
        <label>
          Reason (required)
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
        </label>
      )}
      <button type="submit" disabled={!ready || busy}>Apply to {ids.length} ticket{ids.length === 1 ? '' : 's'}</button>
      <ErrorBox error={error} />
      <div role="status" className="bulk-outcome">
        {outcome && (
          <>
            <p>Done for {outcome.done} ticket{outcome.done === 1 ? '' : 's'}{outcome.refused > 0 ? `; ${outcome.refused} not changed:` : '.'}</p>
            {outcome.refused > 0 && (
              <ul>
                {outcome.results.filter((r) => !r.ok).map((r) => (
                  <li key={r.ticketId}>
                    <a href={href(`/tickets/${r.ticketId}`)}>#{r.ticketId}</a>: {r.problem?.title}{r.problem?.detail ? ` — ${r.problem.detail}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </form>
  );
}

/** A page of tickets with, for those the server grants triage, selection and bulk actions. */
function TicketPage({ spec, view, show }: { spec: ListSpec; view: View; show?: { publishAt?: boolean; publicLink?: boolean } }) {
  const { api, permissions } = useDesk();
  const query = useMemo(() => ticketQueryOf(view, spec), [view, spec]);
  const list = useLoad(() => api.tickets(query), [api, query]);
  useLiveRefetch(() => true, list.reload);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const tickets = list.data?.items ?? [];
  const bulk = permissions.triage && tickets.length > 0;
  const toggle = (id: number, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });
  return (
    <>
      <ErrorBox error={list.error} />
      {list.data ? (
        <>
          {bulk && <BulkBar tickets={tickets} selected={selected} setSelected={setSelected} onDone={list.reload} />}
          <TicketTable tickets={tickets} show={show} selection={bulk ? { selected, toggle } : undefined} />
          <Pager page={query.page ?? 0} size={PAGE_SIZE} total={list.data.total}
            onPage={(p) => changeView(spec.path, view, { page: p > 0 ? String(p) : undefined })} />
        </>
      ) : (
        list.loading && <Spinner />
      )}
    </>
  );
}

function useView(): View {
  const route = useRoute();
  const key = route.query.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query's text is its identity
  return useMemo(() => parseView(route.query), [key]);
}

export function Queue() {
  const { api, me, permissions } = useDesk();
  const view = useView();
  const spec = LISTS.queue;
  const mine = viewValue(view, 'assignee') === me.subject;
  const [busy, actionError, run] = useAction();

  const claimNext = () =>
    run(async () => {
      const ticket = await api.claimNext();
      navigate(`/tickets/${ticket.id}`);
    });

  return (
    <section>
      <div className="screen-head">
        <h1>{mine ? 'My tickets' : 'Queue'}</h1>
        <div className="toolbar">
          {permissions.claimNext && (
            <button className="primary" onClick={claimNext} disabled={busy} aria-keyshortcuts="n">Claim next</button>
          )}
          <button aria-pressed={mine} onClick={() => changeView(spec.path, view, { assignee: mine ? undefined : me.subject })}>My tickets</button>
        </div>
      </div>
      <ErrorBox error={actionError} />
      <TicketFilters spec={spec} view={view} />
      <TicketPage spec={spec} view={view} />
    </section>
  );
}

const BOARD_COLUMNS: Status[] = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'];
const BOARD: ListSpec = { path: '/board', title: 'Board', statuses: BOARD_COLUMNS, defaultStatuses: BOARD_COLUMNS, sort: 'urgency' };

/** The editor's board: a column per status with its count, each filtered as the view says. */
export function Board() {
  const { api } = useDesk();
  const view = useView();
  const board = useLoad(
    () => Promise.all(BOARD_COLUMNS.map((s) => api.tickets({
      ...ticketQueryOf(view, BOARD), status: [s], sort: s === 'PUBLISHED' ? '-updated' : 'urgency', page: 0, size: 20,
    }))),
    [api, view],
  );
  useLiveRefetch(() => true, board.reload);
  const { timeZone } = useDesk();
  return (
    <section>
      <h1>Board</h1>
      <TicketFilters spec={BOARD} view={view} omit={['status', 'sort']} />
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
                      <a href={href(`/tickets/${t.id}`)} data-shortcut-item="">#{t.id} {t.claim.text}</a>
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

export function ListScreen({ kind }: { kind: 'review' | 'publishing' | 'published' }) {
  const spec: ListSpec = LISTS[kind];
  const view = useView();
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
      <TicketFilters spec={spec} view={view} />
      <TicketPage spec={spec} view={view} show={{ publishAt: kind === 'publishing', publicLink: kind === 'published' }} />
    </section>
  );
}
