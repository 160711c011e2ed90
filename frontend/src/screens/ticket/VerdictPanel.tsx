import { useState, type FormEvent } from 'react';
import { ErrorBox, When, useAction } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import { useDraft } from '../../hooks/useDraft';
import type { Evidence, Ticket, VerdictOverview } from '../../types';
import { ConflictNote, StaleReload } from './shared';

/** The published versions, and the draft: a form for whoever may edit it, read-only for others. */
export function VerdictPanel({ ticket, overview, evidence, editable, onSaved }: { ticket: Ticket; overview: VerdictOverview; evidence: Evidence[]; editable: boolean; onSaved: () => void }) {
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
  const [saved, setSaved] = useState(false);
  const v = draft.value;
  const rating = scale?.ratings.find((r) => r.id === v.ratingId);
  const ratingLabel = (id: number | null) => scale?.ratings.find((r) => r.id === id)?.label ?? (id ? `rating ${id}` : '—');
  const isCorrection = overview.published.length > 0;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await run(() =>
      api.saveVerdict(ticket.id, {
        ratingId: v.ratingId,
        headline: v.headline,
        summary: v.summary,
        explanation: v.explanation,
        evidenceIds: v.evidenceIds,
        correctionNote: isCorrection ? v.correctionNote : null,
        version: draft.baseVersion,
      }),
    );
    if (ok) {
      draft.reset();
      setSaved(true);
      onSaved();
    }
  };

  const toggleEvidence = (id: number, on: boolean) =>
    draft.update({ evidenceIds: on ? [...v.evidenceIds, id] : v.evidenceIds.filter((x) => x !== id) });

  return (
    <section className="panel" aria-labelledby="verdict-h">
      <h2 id="verdict-h">Verdict</h2>
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
            {draft.dirty ? <span className="muted" role="status">Unsaved changes</span> : saved && <span className="muted" role="status">Draft saved</span>}
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
