import { useId, useState, type FormEvent } from 'react';
import { Dialog, ErrorBox, StatusBadge, useAction } from '../../components';
import { useDesk } from '../../desk';
import { href } from '../../router';
import type { Claim, Page, SimilarClaim, Ticket } from '../../types';

type Candidate = { claimId: number; ticketId: number | null; text: string; status?: string; similarity?: number; reasons?: string[] };

/**
 * Marks this claim as a duplicate of an original (POST /api/claims/{id}/mark-duplicate): its ticket is
 * discarded and its appearances move to the original. Shown when the server grants marking duplicates
 * and lets this person discard this ticket now; the server judges the original.
 */
export function DuplicatePanel({ claim, ticket, onDone }: { claim: Claim; ticket: Ticket; onDone: () => void }) {
  const { api, permissions } = useDesk();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [similar, setSimilar] = useState<SimilarClaim[] | null>(null);
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<string>('');
  const [byId, setById] = useState('');
  const [confirming, setConfirming] = useState<Candidate | null>(null);
  const [outcome, setOutcome] = useState<Candidate | null>(null);
  const [loadBusy, loadError, runLoad] = useAction();
  const [busy, error, run, clearError] = useAction();

  const allowed = permissions.markDuplicates && ticket.permissions.actions.includes('discard') && claim.duplicateOf == null;
  if (outcome) {
    return (
      <section className="panel" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Duplicate</h2>
        <p className="success" role="status">
          Marked as a duplicate of <a href={outcome.ticketId ? href(`/tickets/${outcome.ticketId}`) : undefined}>claim #{outcome.claimId}</a>.
          This ticket is discarded; its appearances moved to the original.
        </p>
      </section>
    );
  }
  if (!allowed) return null;

  const candidates: Candidate[] = [
    ...(similar ?? []).filter((s) => s.claimId !== claim.id)
      .map((s) => ({ claimId: s.claimId, ticketId: s.ticketId, text: s.text, status: s.status, similarity: s.similarity, reasons: s.reasons })),
    ...(found ?? []).filter((c) => c.claimId !== claim.id && !(similar ?? []).some((s) => s.claimId === c.claimId)),
  ];

  const start = () => {
    setOpen(true);
    if (similar === null) void runLoad(async () => setSimilar((await api.similarClaims(claim.id)).claims));
  };

  const search = (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    void runLoad(async () => {
      const page = await api.get<Page<Claim>>(`/api/claims?q=${encodeURIComponent(q)}&size=10`);
      setFound(page.items.map((c) => ({ claimId: c.id, ticketId: c.ticketId, text: c.text })));
    });
  };

  const chosen = (): Candidate | null => {
    if (choice === 'id') {
      const n = Number(byId);
      return Number.isInteger(n) && n > 0 ? { claimId: n, ticketId: null, text: '' } : null;
    }
    return candidates.find((c) => String(c.claimId) === choice) ?? null;
  };

  const ask = (e: FormEvent) => {
    e.preventDefault();
    clearError();
    const original = chosen();
    if (original) setConfirming(original);
  };

  const confirm = async () => {
    const original = confirming!;
    const ok = await run(async () => {
      await api.markDuplicate(claim.id, original.claimId);
      const ticketId = original.ticketId ?? (await api.claim(original.claimId).then((c) => c.ticketId, () => null));
      setOutcome({ ...original, ticketId });
    });
    setConfirming(null);
    if (ok) onDone();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Duplicate</h2>
      {!open ? (
        <button type="button" onClick={start}>Mark as duplicate…</button>
      ) : (
        <>
          <form className="form" role="search" aria-label="Find the original claim" onSubmit={search}>
            <label>Search claims<input type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={200} /></label>
            <div className="buttons"><button type="submit" disabled={loadBusy}>Search</button></div>
          </form>
          <form className="form" onSubmit={ask}>
            <fieldset>
              <legend>Original claim</legend>
              {loadBusy && <p className="muted" role="status">Looking for similar claims…</p>}
              {similar !== null && candidates.length === 0 && <p className="empty">No similar claims found; search or give its number.</p>}
              <ul className="plain">
                {candidates.map((c) => (
                  <li key={c.claimId}>
                    <label className="choice">
                      <input type="radio" name={`${id}-original`} value={String(c.claimId)} checked={choice === String(c.claimId)}
                        onChange={() => setChoice(String(c.claimId))} />
                      <span>claim #{c.claimId}: {c.text}</span>{' '}
                      {c.status && <StatusBadge status={c.status} />}
                      {c.similarity != null && <span className="muted small"> {Math.round(c.similarity * 100)}% match{c.reasons?.length ? `: ${c.reasons.join('; ')}` : ''}</span>}
                    </label>
                  </li>
                ))}
                <li>
                  <label className="choice">
                    <input type="radio" name={`${id}-original`} value="id" checked={choice === 'id'} onChange={() => setChoice('id')} />
                    <span>Another claim, by number</span>
                  </label>
                  {choice === 'id' && (
                    <label>Claim number<input type="number" min={1} inputMode="numeric" value={byId} onChange={(e) => setById(e.target.value)} required /></label>
                  )}
                </li>
              </ul>
            </fieldset>
            <div aria-live="polite">
              <ErrorBox error={loadError} />
              <ErrorBox error={error} />
            </div>
            <div className="buttons">
              <button type="submit" className="danger" disabled={busy || !chosen()}>Mark as duplicate…</button>
              <button type="button" onClick={() => setOpen(false)}>Cancel</button>
            </div>
          </form>
        </>
      )}
      {confirming && (
        <Dialog title="Mark as duplicate?" onClose={() => setConfirming(null)}>
          <p>
            Claim #{claim.id} becomes a duplicate of claim #{confirming.claimId}: this ticket is discarded and its appearances
            move to the original. An editor can reopen it later.
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
            <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>Mark as duplicate</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
