// Search across claims, tickets, articles and prior reviews: the header's box and the results
// screen "#/search?q=…&kind=…&page=…". Titles and snippets are untrusted text: rendered as text.
import { useState, type FormEvent } from 'react';
import { enumText, ErrorBox, Spinner, StatusBadge, When } from '../components';
import { useDesk } from '../desk';
import { useLoad } from '../hooks/useLoad';
import { changeView, href, navigate, parseView, viewValue, type Route } from '../router';
import { SEARCH_INPUT_ID } from '../shortcuts';
import { SEARCH_KINDS, type SearchHit } from '../types';

/** Shorter queries find nothing (the server asks for 3 characters, or a ticket number). */
const QUERY_MIN = 3;
const PAGE_SIZE = 25;

export const isSearchable = (q: string) => q.trim().length >= QUERY_MIN || /^#?\d+$/.test(q.trim());

/** The search box of the header ("/" focuses it). */
export function HeaderSearch() {
  const [q, setQ] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form className="header-search" role="search" aria-label="Search the desk" onSubmit={onSubmit}>
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">Search claims, tickets, articles and prior reviews</label>
      <input id={SEARCH_INPUT_ID} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search ( / )"
        maxLength={200} aria-keyshortcuts="/" />
      <button type="submit">Search</button>
    </form>
  );
}

function hitLink(hit: SearchHit): string | null {
  if (hit.ticketId != null) return href(`/tickets/${hit.ticketId}`);
  if (hit.kind === 'ARTICLE') return href(`/intake/${hit.id}`);
  return null;
}

export function SearchScreen({ route }: { route: Route }) {
  const { api, timeZone } = useDesk();
  const view = parseView(route.query, []);
  const q = viewValue(view, 'q') ?? '';
  const kind = viewValue(view, 'kind') ?? '';
  const page = Math.max(0, Number(viewValue(view, 'page') ?? 0) || 0);
  const searchable = isSearchable(q);
  const results = useLoad(() => (searchable ? api.search(q, kind || undefined, page) : Promise.resolve(null)), [api, q, kind, page, searchable]);
  const data = results.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <section>
      <h1>Search</h1>
      <form className="filters" aria-label="Search results" onSubmit={(e) => e.preventDefault()}>
        <label>
          Kind
          <select value={kind} onChange={(e) => changeView('/search', view, { kind: e.target.value || undefined })}>
            <option value="">Everything</option>
            {SEARCH_KINDS.map((k) => <option key={k} value={k}>{enumText(k)}</option>)}
          </select>
        </label>
      </form>
      {!searchable && <p className="muted">Type at least {QUERY_MIN} characters, or a ticket number such as #42, in the search box.</p>}
      <ErrorBox error={results.error} />
      {searchable && !data && results.loading && <Spinner />}
      {data && (
        <>
          <p role="status">{data.total}{data.totalExact ? '' : '+'} result{data.total === 1 ? '' : 's'} for “{q}”</p>
          <ul className="tickets" aria-label="Search results">
            {data.items.map((hit) => {
              const link = hitLink(hit);
              return (
                <li key={`${hit.kind}-${hit.id}`} className="ticket-row">
                  <div className="ticket-main">
                    {link ? <a href={link} className="ticket-link" data-shortcut-item="">{hit.title}</a> : <span tabIndex={0} data-shortcut-item="">{hit.title}</span>}
                    <div className="meta">
                      <span className="tag">{enumText(hit.kind)} {hit.kind === 'TICKET' || hit.ticketId == null ? `#${hit.id}` : `of ticket #${hit.ticketId}`}</span>
                      {hit.status && <StatusBadge status={hit.status} />}
                      {hit.snippet && <span>{hit.snippet}</span>}
                    </div>
                  </div>
                  <div className="ticket-side"><When iso={hit.at} timeZone={timeZone} /></div>
                </li>
              );
            })}
          </ul>
          {data.items.length === 0 && <p className="empty">Nothing found.</p>}
          {pages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button disabled={page === 0} onClick={() => changeView('/search', view, { page: String(page - 1) })}>Previous page</button>
              <span>Page {page + 1} of {pages}</span>
              <button disabled={page + 1 >= pages} onClick={() => changeView('/search', view, { page: String(page + 1) })}>Next page</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
