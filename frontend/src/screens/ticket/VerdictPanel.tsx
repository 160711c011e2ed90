import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorBox, When, useAction } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import { useDraft } from '../../hooks/useDraft';
import type { Evidence, Ticket, VerdictOverview } from '../../types';
import { ChangedSinceRequest, ConflictNote, StaleReload } from './shared';

/** How long the draft waits after the last keystroke before it saves itself. */
export const AUTOSAVE_MS = 3000;

/** Saves whatever is unsaved on screen; resolves false when it could not. */
export type Flush = () => Promise<boolean>;

interface Props {
  ticket: Ticket;
  overview: VerdictOverview;
  evidence: Evidence[];
  editable: boolean;
  onSaved: () => void;
  /** The verdict's fields changed since the reviewer sent the ticket back, if it was this round. */
  changed?: string[];
  /** Lets the workspace save this draft before it submits the ticket. */
  registerFlush?: (flush: Flush | null) => void;
}

/** The published versions, and the draft: a form for whoever may edit it, read-only for others. */
export function VerdictPanel({ ticket, overview, evidence, editable, onSaved, changed, registerFlush }: Props) {
  const { api, scale, timeZone } = useDesk();
  const name = usePersonName();
  const d = overview.draft;
  const server = {
    ratingId: d?.ratingId ?? null,
    headline: d?.headline ?? '',
    summary: d?.summary ?? '',
    explanation: d?.explanation ?? '',
    evidenceIds: d?.evidenceIds ?? [],
    correctionNote: d?.correctionNote ?? '',
  };
  const draft = useDraft(server, d?.version);
  const [busy, error, run] = useAction();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const v = draft.value;
  const rating = scale?.ratings.find((r) => r.id === v.ratingId);
  const ratingLabel = (id: number | null) => scale?.ratings.find((r) => r.id === id)?.label ?? (id ? `rating ${id}` : '—');
  const isCorrection = overview.published.length > 0;

  // Saves are chained (autosave and Submit may ask at once) and read the newest render's draft;
  // `last` remembers what the previous save sent, in case that render has not happened yet.
  const latest = useRef(draft);
  useLayoutEffect(() => {
    latest.current = draft;
  });
  const last = useRef<{ value: typeof v; version: number } | null>(null);
  const failed = useRef<typeof v | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));

  const saveNow = async (): Promise<boolean> => {
    const current = latest.current;
    if (!current.dirty || last.current?.value === current.value) return true;
    const value = current.value;
    const version = last.current && (current.baseVersion === undefined || last.current.version > current.baseVersion)
      ? last.current.version : current.baseVersion;
    let savedVersion = 0;
    const ok = await run(async () => {
      const answer = await api.saveVerdict(ticket.id, {
        ratingId: value.ratingId,
        headline: value.headline,
        summary: value.summary,
        explanation: value.explanation,
        evidenceIds: value.evidenceIds,
        correctionNote: isCorrection ? value.correctionNote : null,
        version,
      });
      savedVersion = answer.version;
    });
    if (ok) {
      last.current = { value, version: savedVersion };
      failed.current = null;
      draft.saved(value, savedVersion);
      setSavedAt(new Date().toISOString());
      onSaved();
    } else {
      failed.current = value;
    }
    return ok;
  };
  const flush: Flush = () => (chain.current = chain.current.then(saveNow, saveNow));

  useEffect(() => {
    registerFlush?.(editable ? flush : null);
    return () => registerFlush?.(null);
  });

  // Autosave: one save per pause in typing, not per keystroke; not over someone else's newer
  // version (the conflict note asks first), nor again the value that just failed.
  useEffect(() => {
    if (!editable || !draft.dirty || draft.changedElsewhere || busy || failed.current === v) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // flush reads the newest draft through refs; the value itself is what restarts the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v, editable, draft.dirty, draft.changedElsewhere, busy]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    failed.current = null;
    void flush();
  };

  const toggleEvidence = (id: number, on: boolean) =>
    draft.update({ evidenceIds: on ? [...v.evidenceIds, id] : v.evidenceIds.filter((x) => x !== id) });

  return (
    <section className="panel" aria-labelledby="verdict-h">
      <h2 id="verdict-h">Verdict</h2>
      <ChangedSinceRequest items={changed} />
      {overview.published.length > 0 && (
        <div className="published-versions">
          <h3>Published versions</h3>
          <ol>
            {overview.published.map((p) => (
              <li key={p.id}>
                <strong>Version {p.number}: {ratingLabel(p.ratingId)}</strong> — {p.headline}
                <div className="muted small">Published <When iso={p.publishedAt} timeZone={timeZone} /> by {name(p.publishedBy, p.publishedByName)}</div>
                {p.correctionNote && <p className="note">Correction: {p.correctionNote}</p>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {editable ? (
        <form onSubmit={save} className="form" aria-label="Verdict draft">
          <ConflictNote show={draft.changedElsewhere} onReload={() => draft.reset()} />
          <label htmlFor="v-rating">Rating</label>
          <select id="v-rating" value={v.ratingId ?? ''} onChange={(e) => draft.update({ ratingId: e.target.value ? Number(e.target.value) : null })} aria-describedby="v-rating-def">
            <option value="">Choose a rating…</option>
            {scale?.ratings.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
          <p id="v-rating-def" className="definition">{rating ? `${rating.label}: ${rating.definition}` : scale ? `Scale: ${scale.name}` : 'No active rating scale.'}</p>
          <label htmlFor="v-headline">Headline</label>
          <input id="v-headline" value={v.headline} onChange={(e) => draft.update({ headline: e.target.value })} maxLength={300} />
          <label htmlFor="v-summary">Summary</label>
          <textarea id="v-summary" value={v.summary} onChange={(e) => draft.update({ summary: e.target.value })} rows={3} maxLength={5000} />
          <label htmlFor="v-explanation">Explanation</label>
          <textarea id="v-explanation" value={v.explanation} onChange={(e) => draft.update({ explanation: e.target.value })} rows={8} />
          <fieldset>
            <legend>Cites evidence</legend>
            {evidence.length === 0 && <p className="muted">Add evidence first.</p>}
            {evidence.map((e) => (
              <label key={e.id} className="check">
                <input type="checkbox" checked={v.evidenceIds.includes(e.id)} onChange={(ev) => toggleEvidence(e.id, ev.target.checked)} />
                E{e.id}: {e.title}
              </label>
            ))}
          </fieldset>
          {isCorrection && (
            <>
              <label htmlFor="v-correction">Correction note (public)</label>
              <textarea id="v-correction" value={v.correctionNote} onChange={(e) => draft.update({ correctionNote: e.target.value })} rows={3} />
            </>
          )}
          <ErrorBox error={error}><StaleReload error={error} onReload={() => { draft.reset(); onSaved(); }} /></ErrorBox>
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>Save draft</button>
            <span className="muted" role="status">
              {busy ? 'Saving…'
                : error ? `Not saved: ${error.message}`
                : draft.dirty ? 'Unsaved changes'
                : savedAt ? <>Saved at {formatTime(savedAt, timeZone)}</> : null}
            </span>
          </div>
        </form>
      ) : d ? (
        <div className="verdict-read">
          <h3>{d.number && d.number > 1 ? `Draft of version ${d.number}` : 'Draft'}: {ratingLabel(d.ratingId)}</h3>
          {d.ratingId && <p className="definition">{scale?.ratings.find((r) => r.id === d.ratingId)?.definition}</p>}
          <p><strong>{d.headline || 'No headline yet'}</strong></p>
          {d.summary && <p>{d.summary}</p>}
          {d.explanation && <div className="explanation">{d.explanation}</div>}
          <p className="muted small">Cites: {d.evidenceIds.length ? d.evidenceIds.map((id) => `E${id}`).join(', ') : 'no evidence'}</p>
          {d.correctionNote && <p className="note">Correction note: {d.correctionNote}</p>}
        </div>
      ) : (
        <p className="empty">No draft verdict yet.</p>
      )}
    </section>
  );
}

/** "10:42" in the desk's zone. */
function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
