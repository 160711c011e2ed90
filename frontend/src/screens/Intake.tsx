import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { enumText, ErrorBox, Highlighted, Spinner, statusText, When, useAction } from '../components';
import { useDesk } from '../desk';
import { useLoad } from '../hooks/useLoad';
import type { HighlightSpan } from '../highlight';
import { changeView, href, navigate, parseView, useRoute, viewValue } from '../router';
import { zonedLocalToIso } from '../time';
import { PRIORITIES, type AcceptItem, type AcceptOutcome, type Candidate, type Priority, type Sentence } from '../types';

export function IntakeScreen() {
  const { api, permissions, timeZone } = useDesk();
  // The list's view (words, language, page) lives in the URL: "#/intake?q=budget&language=de".
  const route = useRoute();
  const view = parseView(route.query, []);
  const q = viewValue(view, 'q') ?? '';
  const language = viewValue(view, 'language') ?? '';
  const page = Math.max(0, Number(viewValue(view, 'page') ?? 0) || 0);
  const list = useLoad(() => api.articles({ q, language, page }), [api, q, language, page]);
  const [form, setForm] = useState({ url: '', title: '', outlet: '', author: '', publishedAt: '', language: 'en', text: '', format: '' as '' | 'text' | 'html' });
  const [busy, error, run] = useAction();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const html = /\.html?$/i.test(file.name) || file.type === 'text/html';
    set({ text, format: html ? 'html' : 'text' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const article = await api.createArticle({
        url: form.url.trim(),
        title: form.title.trim() || undefined,
        outlet: form.outlet.trim() || undefined,
        author: form.author.trim() || undefined,
        publishedAt: form.publishedAt ? zonedLocalToIso(form.publishedAt, timeZone) ?? undefined : undefined,
        language: form.language.trim() || undefined,
        format: form.format || undefined,
        text: form.text,
      });
      navigate(`/intake/${article.id}`);
    });
  };

  return (
    <section>
      <h1>Intake</h1>
      {permissions.postArticles && (
        <form className="form panel" onSubmit={submit} aria-labelledby="new-article-h">
          <h2 id="new-article-h">New article</h2>
          <label>Article URL<input type="url" value={form.url} onChange={(e) => set({ url: e.target.value })} required /></label>
          <div className="row">
            <label>Title<input value={form.title} onChange={(e) => set({ title: e.target.value })} maxLength={500} /></label>
            <label>Outlet<input value={form.outlet} onChange={(e) => set({ outlet: e.target.value })} maxLength={200} /></label>
          </div>
          <div className="row">
            <label>Author<input value={form.author} onChange={(e) => set({ author: e.target.value })} maxLength={200} /></label>
            <label>Published at ({timeZone})<input type="datetime-local" value={form.publishedAt} onChange={(e) => set({ publishedAt: e.target.value })} /></label>
            <label>Language<input value={form.language} onChange={(e) => set({ language: e.target.value })} size={6} /></label>
          </div>
          <label>Upload a file (.txt or .html)<input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
          <label>Article text (plain text or HTML)
            <textarea value={form.text} onChange={(e) => set({ text: e.target.value, format: '' })} rows={10} required />
          </label>
          <ErrorBox error={error} />
          <button type="submit" className="primary" disabled={busy}>Analyse article</button>
        </form>
      )}
      <section className="panel" aria-labelledby="articles-h">
        <h2 id="articles-h">Recent articles</h2>
        <ArticleFilters key={`${q}\n${language}`} q={q} language={language} onApply={(patch) => changeView('/intake', view, patch)} />
        <ErrorBox error={list.error} />
        {list.data?.items.length === 0 && <p className="empty">{q || language ? 'No article matches.' : 'No articles yet.'}</p>}
        <ul className="plain">
          {list.data?.items.map((a) => (
            <li key={a.id}>
              <a href={href(`/intake/${a.id}`)}>{a.title || a.url}</a>{' '}
              <span className="muted">{a.outlet} · added <When iso={a.createdAt} timeZone={timeZone} /></span>
            </li>
          ))}
        </ul>
        {list.data && list.data.total > 20 && (
          <nav className="pager" aria-label="Pages of articles">
            <button disabled={page === 0} onClick={() => changeView('/intake', view, { page: page > 1 ? String(page - 1) : undefined })}>Previous page</button>
            <span>Page {page + 1} of {Math.ceil(list.data.total / 20)}</span>
            <button disabled={(page + 1) * 20 >= list.data.total} onClick={() => changeView('/intake', view, { page: String(page + 1) })}>Next page</button>
          </nav>
        )}
      </section>
    </section>
  );
}

/** Words (title, outlet, address) and language; applied with the button, kept in the URL. */
function ArticleFilters({ q, language, onApply }: { q: string; language: string; onApply: (patch: { q?: string; language?: string }) => void }) {
  const [words, setWords] = useState(q);
  const [lang, setLang] = useState(language);
  return (
    <form className="filters" role="search" aria-label="Filter articles"
      onSubmit={(e) => { e.preventDefault(); onApply({ q: words.trim() || undefined, language: lang.trim() || undefined }); }}>
      <label>
        Words
        <input type="search" value={words} onChange={(e) => setWords(e.target.value)} placeholder="Title, outlet or address" maxLength={200} />
      </label>
      <label>
        Language
        <input value={lang} onChange={(e) => setLang(e.target.value)} size={5} placeholder="en" maxLength={35} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

interface Choice {
  accept: boolean;
  text: string;
  claimant: string;
  priority: Priority;
  /** datetime-local in the desk's time zone, or '' for none. */
  deadline: string;
  /** Comma-separated. */
  topics: string;
  linkTo: string;
}

/** Bounds of a claim's topics (ClaimRequest.TOPICS_MAX, TOPIC_MAX). */
const TOPICS_MAX = 20;
const TOPIC_MAX = 60;

const topicList = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ArticleScreen({ id }: { id: number }) {
  const { api, permissions, timeZone } = useDesk();
  const data = useLoad(async () => {
    const [article, sentences, candidates] = await Promise.all([api.article(id), api.sentences(id), api.candidates(id)]);
    return { article, sentences, candidates };
  }, [api, id]);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  // Keyed by sentence position: each outcome is shown in the row whose candidate was accepted.
  const [outcomes, setOutcomes] = useState<Record<number, AcceptOutcome>>({});
  // The row of the first outcome, to scroll into view once shown (the button is far below a long list).
  const reveal = useRef<number | null>(null);
  useEffect(() => {
    const row = reveal.current === null ? null : document.getElementById(`cand-${reveal.current}-outcome`);
    if (row) {
      row.scrollIntoView?.({ block: 'center' }); // not in jsdom
      reveal.current = null;
    }
  });
  const [busy, error, run] = useAction();
  const [showAll, setShowAll] = useState(false);

  const spans = useMemo<HighlightSpan[]>(() => {
    if (!data.data) return [];
    const result: HighlightSpan[] = [];
    for (const s of data.data.sentences.items) {
      if (s.candidate) result.push({ start: s.start, end: s.end, kind: 'candidate', title: `Candidate ${s.position}, score ${pct(s.score)}` });
      for (const signal of s.signals) {
        for (const t of signal.triggers) result.push({ start: t.start, end: t.end, kind: 'signal', title: signal.explanation });
      }
    }
    return result;
  }, [data.data]);

  if (!data.data) {
    return (
      <section>
        <h1>Article</h1>
        <ErrorBox error={data.error} />
        {data.loading && <Spinner />}
      </section>
    );
  }
  const { article, sentences, candidates } = data.data;
  const canAccept = permissions.acceptCandidates;
  const choiceOf = (s: Sentence): Choice =>
    choices[s.position] ?? { accept: false, text: s.text, claimant: s.claimant ?? '', priority: 'NORMAL', deadline: '', topics: '', linkTo: '' };
  const setChoice = (s: Sentence, patch: Partial<Choice>) =>
    setChoices((c) => ({ ...c, [s.position]: { ...choiceOf(s), ...patch } }));
  // A sentence already a claim is not offered again (the server answers 409 to it).
  const chosen = candidates.items.filter((c) => c.sentence.claimIds.length === 0 && choiceOf(c.sentence).accept);

  const accept = async () => {
    await run(async () => {
      const items: AcceptItem[] = chosen.map(({ sentence }) => {
        const c = choiceOf(sentence);
        if (c.linkTo) return { position: sentence.position, linkTo: Number(c.linkTo) };
        const item: AcceptItem = { position: sentence.position, priority: c.priority };
        if (c.text.trim() && c.text !== sentence.text) item.text = c.text.trim();
        if (c.claimant.trim() !== (sentence.claimant ?? '')) item.claimant = c.claimant.trim();
        const topics = topicList(c.topics);
        if (topics.length > TOPICS_MAX || topics.some((t) => t.length > TOPIC_MAX)) {
          throw new Error(`Sentence ${sentence.position}: at most ${TOPICS_MAX} topics of up to ${TOPIC_MAX} characters each.`);
        }
        if (topics.length) item.topics = topics;
        if (c.deadline) {
          const zoned = zonedLocalToIso(c.deadline, timeZone);
          if (!zoned) throw new Error(`Sentence ${sentence.position}: enter a date and time, or no deadline.`);
          item.deadline = new Date(zoned).toISOString();
        }
        return item;
      });
      const result = await api.accept(id, items);
      setOutcomes((o) => ({ ...o, ...Object.fromEntries(result.items.map((x) => [x.position, x])) }));
      reveal.current = result.items[0]?.position ?? null;
      setChoices({});
      data.reload();
    });
  };

  const dismiss = async (position: number) => {
    await run(async () => {
      await api.dismiss(id, [position]);
      data.reload();
    });
  };

  const rows: Sentence[] = showAll ? sentences.items : [];

  return (
    <section>
      <p className="muted"><a href={href('/intake')}>Intake</a> › Article #{article.id}</p>
      <h1>{article.title || 'Article'}</h1>
      <p className="muted">
        {[article.outlet, article.author].filter(Boolean).join(' · ')} {article.publishedAt && <>· <When iso={article.publishedAt} timeZone={timeZone} /></>}{' '}
        · <a href={article.url} target="_blank" rel="noopener noreferrer">Original</a>
      </p>
      <div className="intake-grid">
        <section className="panel" aria-labelledby="text-h">
          <h2 id="text-h">Text</h2>
          <p className="legend small">
            <mark className="mark-candidate">Candidate sentence</mark> <mark className="mark-signal">Sourcing signal</mark> (select an underlined phrase for why)
          </p>
          {/* Focusable so a keyboard can scroll it (axe: scrollable-region-focusable). */}
          <div className="article-text" data-testid="article-text" tabIndex={0} role="region" aria-label="Article text">
            <Highlighted text={article.text} spans={spans} markClass={(marks) => [...new Set(marks.map((m) => `mark-${m.kind}`))].join(' ')} explain={sourcingExplanation} />
          </div>
        </section>
        <section className="panel" aria-labelledby="cand-h">
          <h2 id="cand-h">Candidates <span className="count">{candidates.items.length}</span></h2>
          {!candidates.scored && (
            <p className="notice" role="note">This article reads as {article.detectedLanguage ?? article.language}: check-worthiness is scored for English only, so no sentence is proposed. Its sentences and sourcing signals are still shown.</p>
          )}
          <p className="muted small">The {candidates.perArticle} most check-worthy sentences scoring at least {pct(candidates.threshold)}, best first (the desk's settings say how many).</p>
          <ol className="candidates">
            {candidates.items.map((c) => (
              <CandidateItem key={c.sentence.position} candidate={c} choice={choiceOf(c.sentence)} canAccept={canAccept} outcome={outcomes[c.sentence.position]} timeZone={timeZone} onChange={(p) => setChoice(c.sentence, p)}
                onDismiss={busy ? undefined : () => void dismiss(c.sentence.position)} />
            ))}
          </ol>
          {canAccept && (
            <>
              <ErrorBox error={error} />
              <button className="primary" disabled={busy || chosen.length === 0} onClick={() => void accept()}>
                Accept selected ({chosen.length})
              </button>
            </>
          )}
          <button onClick={() => setShowAll((x) => !x)} aria-expanded={showAll}>{showAll ? 'Hide all sentences' : `Show all ${sentences.items.length} sentences`}</button>
          {showAll && (
            <table className="sentences">
              <caption className="visually-hidden">All sentences with their scores</caption>
              <thead><tr><th scope="col">#</th><th scope="col">Score</th><th scope="col">Sentence</th></tr></thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.position}><td>{s.position}</td><td>{pct(s.score)}</td><td>{s.text}{s.claimIds.length > 0 && <span className="badge">claim taken</span>}{s.dismissed && <span className="badge">dismissed</span>}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}

/** The sourcing signals' explanations of a marked phrase (a candidate sentence's own mark needs none). */
function sourcingExplanation(marks: HighlightSpan[]): string | undefined {
  const texts = [...new Set(marks.filter((m) => m.kind === 'signal' && m.title).map((m) => m.title!))];
  return texts.length > 0 ? texts.join(' · ') : undefined;
}

/** A link to a claim's ticket (a sentence knows its claims' ids, the desk opens tickets). */
function ClaimLink({ claimId }: { claimId: number }) {
  const { api } = useDesk();
  const claim = useLoad(() => api.claim(claimId), [api, claimId]);
  const ticketId = claim.data?.ticketId;
  return ticketId ? <a href={href(`/tickets/${ticketId}`)}>claim #{claimId}</a> : <>claim #{claimId}</>;
}

interface CandidateProps {
  candidate: Candidate;
  choice: Choice;
  canAccept: boolean;
  /** What accepting this candidate did, in this visit. */
  outcome: AcceptOutcome | undefined;
  timeZone: string;
  onChange: (patch: Partial<Choice>) => void;
  /** Dismisses the candidate (absent while another action runs). */
  onDismiss?: () => void;
}

function CandidateItem({ candidate, choice, canAccept, outcome, timeZone, onChange, onDismiss }: CandidateProps) {
  const s = candidate.sentence;
  const similar = candidate.similar;
  const reasons = [...s.reasons].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, 5);
  const p = `cand-${s.position}`;
  return (
    <li className="candidate">
      <div className="candidate-head">
        <span className="score" aria-label={`Score ${pct(s.score)}`}>{pct(s.score)}</span>
        <span className="muted">Sentence {s.position}</span>
      </div>
      <p className="sentence">
        <Highlighted text={s.text} spans={s.signals.flatMap((sig) => sig.triggers.map((t) => ({ start: t.start - s.start, end: t.end - s.start, kind: 'signal', title: sig.explanation })))} explain={sourcingExplanation} />
      </p>
      {s.claimant && <p className="small">Claimant: {s.claimant}</p>}
      <details>
        <summary>Why ({reasons.length} reasons{s.signals.length ? `, ${s.signals.length} sourcing signals` : ''})</summary>
        <ul className="small">
          {reasons.map((r) => (
            <li key={`${r.feature}-${r.label}`}>{r.contribution >= 0 ? '▲ for' : '▼ against'}: {r.label} ({r.contribution >= 0 ? '+' : ''}{r.contribution.toFixed(2)})</li>
          ))}
          {s.signals.map((sig, i) => (
            <li key={`sig-${i}`}>Sourcing — {enumText(sig.kind)}: {sig.explanation} ({sig.triggers.map((t) => `“${t.text}”`).join(', ')})</li>
          ))}
        </ul>
      </details>
      {candidate.precedents.length > 0 && (
        <div className="similar small">
          <strong>The desk decided on ones like it:</strong>
          <ul>
            {candidate.precedents.map((d) => (
              <li key={`${d.decision}-${d.claimId ?? d.text}`}>
                {d.decision === 'ACCEPTED' ? <>accepted{d.claimId != null && <> as <ClaimLink claimId={d.claimId} /></>}</> : 'dismissed'} ({pct(d.meaning)} alike in meaning): {d.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {similar && (similar.claims.length > 0 || similar.priorReviews.length > 0) && (
        <div className="similar small">
          <strong>Checked already?</strong>
          <ul>
            {similar.claims.map((c) => (
              <li key={`c${c.claimId}`}>
                Desk claim <a href={href(`/tickets/${c.ticketId}`)}>#{c.claimId}</a> ({pct(c.similarity)} match, {statusText(c.status)}{c.rating ? `, ${c.rating}` : ''}): {c.text}
                <span className="muted"> — {c.reasons.join('; ')}</span>
                {c.publicPath && <> · <a href={c.publicPath} target="_blank" rel="noopener">public page</a></>}
              </li>
            ))}
            {similar.priorReviews.map((r) => (
              <li key={`r${r.id}`}>
                {r.publisher ?? 'Prior review'}: <a href={r.reviewUrl} target="_blank" rel="noopener noreferrer">{r.rating ?? 'verdict'}</a> ({pct(r.similarity)} match): {r.claimText}
                <span className="muted"> — {r.reasons.join('; ')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome ? (
        <p className="success" role="status" id={`${p}-outcome`}>
          Accepted: <a href={href(`/tickets/${outcome.ticketId}`)}>{outcome.linked ? `linked to claim #${outcome.claimId}` : `ticket #${outcome.ticketId}`}</a>
        </p>
      ) : s.claimIds.length > 0 && (
        <p className="badge">
          Already a claim:{' '}
          {s.claimIds.map((id, i) => <span key={id}>{i > 0 && ', '}<ClaimLink claimId={id} /></span>)}
        </p>
      )}
      {canAccept && !outcome && s.claimIds.length === 0 && (
        <fieldset className="accept">
          <legend className="visually-hidden">Accept sentence {s.position}</legend>
          <label className="check">
            <input type="checkbox" checked={choice.accept} onChange={(e) => onChange({ accept: e.target.checked })} />
            Accept sentence {s.position}
          </label>
          {!choice.accept && (
            <button type="button" className="link" disabled={!onDismiss} onClick={onDismiss}
              title="Not worth checking: it leaves the candidates and joins the desk's past decisions">Dismiss sentence {s.position}</button>
          )}
          {choice.accept && (
            <>
              {similar && similar.claims.length > 0 && (
                <label htmlFor={`${p}-link`}>As
                  <select id={`${p}-link`} value={choice.linkTo} onChange={(e) => onChange({ linkTo: e.target.value })}>
                    <option value="">a new claim</option>
                    {similar.claims.map((c) => <option key={c.claimId} value={c.claimId}>another appearance of claim #{c.claimId}</option>)}
                  </select>
                </label>
              )}
              {!choice.linkTo && (
                <>
                  <label htmlFor={`${p}-text`}>Claim text</label>
                  <textarea id={`${p}-text`} value={choice.text} onChange={(e) => onChange({ text: e.target.value })} rows={3} />
                  <div className="row">
                    <label>Claimant<input value={choice.claimant} onChange={(e) => onChange({ claimant: e.target.value })} /></label>
                    <label>Priority
                      <select value={choice.priority} onChange={(e) => onChange({ priority: e.target.value as Priority })}>
                        {PRIORITIES.map((pr) => <option key={pr} value={pr}>{pr.charAt(0) + pr.slice(1).toLowerCase()}</option>)}
                      </select>
                    </label>
                  </div>
                  <div className="row">
                    <label>Deadline ({timeZone})<input type="datetime-local" value={choice.deadline} onChange={(e) => onChange({ deadline: e.target.value })} /></label>
                    <label>Topics (comma-separated)<input value={choice.topics} onChange={(e) => onChange({ topics: e.target.value })} /></label>
                  </div>
                </>
              )}
            </>
          )}
        </fieldset>
      )}
    </li>
  );
}
