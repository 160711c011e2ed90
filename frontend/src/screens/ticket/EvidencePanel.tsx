import { useState, type FormEvent } from 'react';
import { ErrorBox, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useDraft } from '../../hooks/useDraft';
import { todayIn } from '../../time';
import { SOURCE_KINDS, STANCES, type Evidence, type EvidenceRequest } from '../../types';
import { CaptureStatus, useCaptures } from './Captures';
import { ChangedSinceRequest, ConflictNote, label } from './shared';

/** The sources a verdict can cite: listed, and edited in place by whoever the server lets. */
export function EvidencePanel({ ticketId, items, editable, onChanged, changed }: { ticketId: number; items: Evidence[]; editable: boolean; onChanged: () => void; changed?: string[] }) {
  const { api } = useDesk();
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [, error, run] = useAction();
  const captures = useCaptures(ticketId, items);
  return (
    <section className="panel" aria-labelledby="evidence-h">
      <h2 id="evidence-h">Evidence <span className="count">{items.length}</span></h2>
      <ChangedSinceRequest items={changed} />
      {items.length === 0 && <p className="empty">No evidence yet.</p>}
      <ol className="evidence">
        {items.map((e) => (
          <li key={e.id}>
            {editing === e.id ? (
              <EvidenceForm ticketId={ticketId} initial={e} onDone={() => { setEditing(null); onChanged(); }} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <div className="evidence-head">
                  <span className="muted">E{e.id}</span>{' '}
                  <a href={e.url} target="_blank" rel="noopener noreferrer">{e.title}</a>{' '}
                  <span className={`badge stance-${e.stance.toLowerCase()}`}>{label(e.stance)}</span>{' '}
                  <span className="badge">{label(e.sourceKind)}</span>
                </div>
                {e.excerpt && <blockquote>{e.excerpt}</blockquote>}
                <p className="muted small">
                  Accessed {e.accessedOn}
                  {e.archiveUrl && <> · <a href={e.archiveUrl} target="_blank" rel="noopener noreferrer">archived copy</a></>}
                </p>
                <CaptureStatus ticketId={ticketId} evidence={e} capture={captures.of(e)} editable={editable} onRequested={captures.reload} />
                {editable && (
                  <div className="buttons">
                    <button onClick={() => setEditing(e.id)} aria-label={`Edit evidence ${e.title}`}>Edit</button>
                    <button className="danger" aria-label={`Remove evidence ${e.title}`} onClick={() => void run(() => api.removeEvidence(ticketId, e.id, e.version)).then((ok) => ok && onChanged())}>Remove</button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {captures.error && <ErrorBox error={`The preserved copies could not be read: ${captures.error.message}`} />}
      <ErrorBox error={error} />
      {editable && (adding ? (
        <EvidenceForm ticketId={ticketId} onDone={() => { setAdding(false); onChanged(); }} onCancel={() => setAdding(false)} />
      ) : (
        <button onClick={() => setAdding(true)}>New evidence</button>
      ))}
    </section>
  );
}

const emptyEvidence = (today: string): EvidenceRequest => ({
  url: '', title: '', excerpt: '', sourceKind: 'OFFICIAL_RECORD', stance: 'REFUTES', accessedOn: today, archiveUrl: '',
});

function EvidenceForm({ ticketId, initial, onDone, onCancel }: { ticketId: number; initial?: Evidence; onDone: () => void; onCancel?: () => void }) {
  const { api, timeZone } = useDesk();
  const server: EvidenceRequest = initial
    ? { url: initial.url, title: initial.title, excerpt: initial.excerpt ?? '', sourceKind: initial.sourceKind, stance: initial.stance, accessedOn: initial.accessedOn, archiveUrl: initial.archiveUrl ?? '' }
    : emptyEvidence(todayIn(timeZone));
  const draft = useDraft(server, initial?.version);
  const [busy, error, run] = useAction();
  const v = draft.value;
  const prefix = initial ? `ev-${initial.id}` : 'ev-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: EvidenceRequest = { ...v, excerpt: v.excerpt?.trim() || null, archiveUrl: v.archiveUrl?.trim() || null };
    const ok = await run(() =>
      initial ? api.updateEvidence(ticketId, initial.id, { ...body, version: draft.baseVersion }) : api.addEvidence(ticketId, body),
    );
    if (ok) {
      draft.reset();
      onDone();
    }
  };
  return (
    <form onSubmit={submit} className="form evidence-form" aria-label={initial ? `Edit evidence ${initial.title}` : 'Add evidence'}>
      <ConflictNote show={draft.changedElsewhere} onReload={() => { draft.reset(); onCancel?.(); }} />
      <label htmlFor={`${prefix}-url`}>Source URL</label>
      <input id={`${prefix}-url`} type="url" value={v.url} onChange={(e) => draft.update({ url: e.target.value })} required />
      <label htmlFor={`${prefix}-title`}>Title</label>
      <input id={`${prefix}-title`} value={v.title} onChange={(e) => draft.update({ title: e.target.value })} required maxLength={500} />
      <label htmlFor={`${prefix}-excerpt`}>Excerpt</label>
      <textarea id={`${prefix}-excerpt`} value={v.excerpt ?? ''} onChange={(e) => draft.update({ excerpt: e.target.value })} rows={3} />
      <div className="row">
        <label>Kind of source
          <select value={v.sourceKind} onChange={(e) => draft.update({ sourceKind: e.target.value as EvidenceRequest['sourceKind'] })}>
            {SOURCE_KINDS.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </select>
        </label>
        <label>Stance
          <select value={v.stance} onChange={(e) => draft.update({ stance: e.target.value as EvidenceRequest['stance'] })}>
            {STANCES.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </select>
        </label>
        <label>Accessed on
          <input type="date" value={v.accessedOn} onChange={(e) => draft.update({ accessedOn: e.target.value })} required max={todayIn(timeZone)} />
        </label>
      </div>
      <label htmlFor={`${prefix}-archive`}>Archived copy URL (optional)</label>
      <input id={`${prefix}-archive`} type="url" value={v.archiveUrl ?? ''} onChange={(e) => draft.update({ archiveUrl: e.target.value })} />
      <ErrorBox error={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>{initial ? 'Save evidence' : 'Add evidence'}</button>
        {onCancel && <button type="button" onClick={() => { draft.reset(); onCancel(); }}>Cancel</button>}
      </div>
    </form>
  );
}
