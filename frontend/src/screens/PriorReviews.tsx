import { useState, type FormEvent } from 'react';
import { ErrorBox, Spinner, When, useAction } from '../components';
import { useDesk } from '../desk';
import { useLoad } from '../hooks/useLoad';
import type { ImportReport } from '../types';

/** Other fact-checkers' reviews the desk imported (GET /api/prior-reviews), and importing more for those allowed. */
export function PriorReviewsScreen() {
  const { api, permissions, timeZone } = useDesk();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const list = useLoad(() => api.priorReviews(query, page), [api, query, page]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setPage(0);
    setQuery(typed);
  };

  const data = list.data;
  return (
    <section>
      <h1>Prior reviews</h1>
      <p className="muted">Fact-checks published by other organisations, imported from their ClaimReview markup: checked already?</p>
      {permissions.importPriorReviews && <ImportPanel onImported={list.reload} />}
      <section className="panel" aria-labelledby="prior-list-h">
        <h2 id="prior-list-h">Imported reviews{data ? ` (${data.total}${data.totalExact ? '' : '+'})` : ''}</h2>
        <form className="toolbar" role="search" aria-label="Prior reviews" onSubmit={search}>
          <label>Search claims, claimants, publishers
            <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={200} />
          </label>
          <button type="submit">Search</button>
        </form>
        <ErrorBox error={list.error} />
        {list.loading && !data && <Spinner />}
        {data?.items.length === 0 && <p className="empty">{query ? 'No prior review matches.' : 'No prior reviews imported yet.'}</p>}
        <ul className="plain prior-reviews">
          {data?.items.map((r) => (
            <li key={r.id} className="card">
              <p className="sentence">“{r.claimText}”{r.claimant && <span className="muted"> ({r.claimant})</span>}</p>
              <p className="meta">
                {r.rating && <strong>{r.rating}</strong>}
                <span>by <a href={r.reviewUrl} rel="noopener noreferrer" target="_blank">{r.publisher || r.reviewUrl}</a></span>
                {r.reviewedAt && <span>reviewed <When iso={r.reviewedAt} timeZone={timeZone} /></span>}
                {r.language && <span className="tag">{r.language}</span>}
              </p>
            </li>
          ))}
        </ul>
        {data && (data.page > 0 || (data.page + 1) * data.size < data.total) && (
          <nav className="pager" aria-label="Pages of prior reviews">
            <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>Newer</button>
            <span>Page {page + 1}</span>
            <button type="button" disabled={(data.page + 1) * data.size >= data.total} onClick={() => setPage((p) => p + 1)}>Older</button>
          </nav>
        )}
      </section>
    </section>
  );
}

/** Import from a URL the server fetches, or from an uploaded or pasted document; the outcome as the server reports it. */
function ImportPanel({ onImported }: { onImported: () => void }) {
  const { api } = useDesk();
  const [url, setUrl] = useState('');
  const [content, setContent] = useState('');
  const [html, setHtml] = useState(false);
  const [baseUrl, setBaseUrl] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, error, run] = useAction();

  const done = (r: ImportReport) => {
    setReport(r);
    onImported();
  };

  const fromUrl = (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    void run(async () => done(await api.importPriorReviewsFrom(url.trim())));
  };

  const fromDocument = (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    void run(async () => done(await api.importPriorReviews(content, html, baseUrl)));
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setContent(await file.text());
    setHtml(/\.html?$/i.test(file.name) || file.type === 'text/html');
  };

  return (
    <section className="panel" aria-labelledby="import-h">
      <h2 id="import-h">Import</h2>
      <form className="form" onSubmit={fromUrl} aria-label="Import from a URL">
        <label>Page or feed URL<input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={2048} /></label>
        <div className="buttons"><button type="submit" className="primary" disabled={busy}>Import from URL</button></div>
      </form>
      <form className="form" onSubmit={fromDocument} aria-label="Import a document">
        <label>ClaimReview file (.json, .jsonld or .html)
          <input type="file" accept=".json,.jsonld,.html,.htm,application/json,application/ld+json,text/html" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
        <label>Or paste the document
          <textarea rows={5} value={content} onChange={(e) => setContent(e.target.value)} required />
        </label>
        <label className="choice"><input type="checkbox" checked={html} onChange={(e) => setHtml(e.target.checked)} /> It is an HTML page carrying JSON-LD</label>
        <label>Where it was published (optional; resolves its relative links)
          <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} maxLength={2048} />
        </label>
        <div className="buttons"><button type="submit" disabled={busy}>Import document</button></div>
      </form>
      <div aria-live="polite">
        <ErrorBox error={error} />
        {busy && <p className="muted">Importing…</p>}
        {report && <ImportOutcome report={report} />}
      </div>
    </section>
  );
}

function ImportOutcome({ report }: { report: ImportReport }) {
  return (
    <div className={report.errors.length ? 'warning' : 'success'}>
      <p>
        From {report.source}: {report.received} received, {report.imported} imported, {report.updated} updated
        {report.errors.length > 0 && `, ${report.errors.length} refused`}.
      </p>
      {report.errors.length > 0 && (
        <>
          <h3>Refused</h3>
          <ul>{report.errors.map((n, i) => <li key={i}>{noteText(n)}</li>)}</ul>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul>{report.warnings.map((n, i) => <li key={i}>{noteText(n)}</li>)}</ul>
        </>
      )}
    </div>
  );
}

const noteText = (n: { index: number; reference: string | null; detail: string }) =>
  `${n.index >= 0 ? `Item ${n.index + 1}` : 'The document'}${n.reference ? ` (${n.reference})` : ''}: ${n.detail}`;
