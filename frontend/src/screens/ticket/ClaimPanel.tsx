import { useState, type FormEvent } from 'react';
import { Claimant, ErrorBox, When, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useDraft } from '../../hooks/useDraft';
import type { Appearance, Claim } from '../../types';
import { ChangedSinceRequest, ConflictNote, StaleReload } from './shared';

/** The claim as reviewed content and its appearances (its source article is {@link SourceArticle}). */
export function ClaimPanel({ claim, editable, onSaved, changed }: { claim: Claim; editable: boolean; onSaved: () => void; changed?: string[] }) {
  const { api, timeZone } = useDesk();
  const [editing, setEditing] = useState(false);
  const server = { text: claim.text, claimant: claim.claimant ?? '', topics: claim.topics.join(', ') };
  const draft = useDraft(server, claim.version);
  const [busy, error, run] = useAction();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const v = draft.value;
    const ok = await run(() =>
      api.updateClaim(claim.id, {
        text: v.text,
        claimant: v.claimant.trim() || null,
        language: claim.language,
        topics: v.topics.split(',').map((t) => t.trim()).filter(Boolean),
        // No priority or deadline: those are triage (PUT /api/tickets/{id}/triage).
        articleId: claim.articleId,
        sourceStart: claim.sourceStart,
        sourceEnd: claim.sourceEnd,
        // The reviewed appearances only: later ones join on the server at the next round of work.
        appearances: claim.appearances.map((a) => ({ url: a.url, appearedAt: a.appearedAt })),
        version: draft.baseVersion,
      }),
    );
    if (ok) {
      draft.reset();
      setEditing(false);
      onSaved();
    }
  };

  return (
    <section className="panel" aria-labelledby="claim-h">
      <h2 id="claim-h">Claim</h2>
      <ChangedSinceRequest items={changed} />
      {!editing ? (
        <>
          <blockquote className="claim-text">{claim.text}</blockquote>
          <dl className="facts">
            <dt>Claimant</dt><dd><Claimant claim={claim} timeZone={timeZone} /></dd>
            <dt>Language</dt><dd>{claim.language}</dd>
            <dt>Topics</dt><dd>{claim.topics.length ? claim.topics.join(', ') : '—'}</dd>
            {claim.duplicateOf && (<><dt>Duplicate of</dt><dd>claim #{claim.duplicateOf}</dd></>)}
          </dl>
          {claim.appearances.length > 0 && (
            <>
              <h3>Appearances</h3>
              <AppearanceList items={claim.appearances} timeZone={timeZone} />
            </>
          )}
          {claim.laterAppearances.length > 0 && (
            <section aria-labelledby="later-h">
              <h3 id="later-h">Found later</h3>
              <p className="muted small">Found after review; joins at the next round.</p>
              <AppearanceList items={claim.laterAppearances} timeZone={timeZone} />
            </section>
          )}
          {editable && <button onClick={() => setEditing(true)}>Edit claim</button>}
        </>
      ) : (
        <form onSubmit={save} className="form">
          <ConflictNote show={draft.changedElsewhere} onReload={() => { draft.reset(); setEditing(false); }} />
          <label>Claim text<textarea value={draft.value.text} onChange={(e) => draft.update({ text: e.target.value })} rows={3} required /></label>
          <label>Claimant<input value={draft.value.claimant} onChange={(e) => draft.update({ claimant: e.target.value })} /></label>
          <label>Topics (comma-separated)<input value={draft.value.topics} onChange={(e) => draft.update({ topics: e.target.value })} /></label>
          <ErrorBox error={error}><StaleReload error={error} onReload={() => { draft.reset(); onSaved(); }} /></ErrorBox>
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>Save claim</button>
            <button type="button" onClick={() => { draft.reset(); setEditing(false); }}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}

function AppearanceList({ items, timeZone }: { items: Appearance[]; timeZone: string }) {
  return (
    <ul>
      {items.map((a, i) => (
        <li key={a.id ?? i}>
          <a href={a.url} target="_blank" rel="noopener noreferrer">{a.url}</a> <When iso={a.appearedAt} timeZone={timeZone} />
        </li>
      ))}
    </ul>
  );
}
