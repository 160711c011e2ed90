import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { actionsToShow, type ActionSpec } from '../actions';
import { Claimant, Deadline, Dialog, ErrorBox, Highlighted, PriorityBadge, PublicationFailure, Spinner, StatusBadge, When, statusText, useAction } from '../components';
import { useDesk, useLiveRefetch, useLoad, usePersonName } from '../desk';
import { href } from '../router';
import { anHourFromNowIn, isoToZonedLocal, todayIn, zonedLocalToIso } from '../time';
import {
  PRIORITIES, SOURCE_KINDS, STANCES, type Appearance, type Claim, type Evidence, type EvidenceRequest, type Priority,
  type Ticket, type VerdictOverview,
} from '../types';

const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * Local edits of server data: follows the server while untouched; once edited, keeps the person's
 * text and says when the server's version moved on (someone else saved).
 */
function useDraft<T>(server: T, version: number | undefined) {
  // null while untouched: the draft is then the server's data itself, so nothing needs syncing.
  const [edit, setEdit] = useState<{ value: T; baseVersion: number | undefined } | null>(null);
  const dirty = edit !== null;
  const baseVersion = edit ? edit.baseVersion : version;
  return {
    value: edit ? edit.value : server,
    dirty,
    baseVersion,
    changedElsewhere: dirty && version !== baseVersion,
    update: (patch: Partial<T>) =>
      setEdit((e) => (e ? { ...e, value: { ...e.value, ...patch } } : { value: { ...server, ...patch }, baseVersion: version })),
    /** After a save or "reload": follow the server again. */
    reset: () => setEdit(null),
  };
}

function ConflictNote({ show, onReload }: { show: boolean; onReload: () => void }) {
  if (!show) return null;
  return (
    <div className="warning" role="status">
      Someone else changed this since you started editing. Your text is kept; saving now would be refused.{' '}
      <button type="button" onClick={onReload}>Discard my edits and reload</button>
    </div>
  );
}

export function TicketScreen({ id }: { id: number }) {
  const { api, timeZone } = useDesk();
  const name = usePersonName();
  const data = useLoad(async () => {
    const ticket = await api.ticket(id);
    const [claim, evidence, verdict, comments, history] = await Promise.all([
      api.claim(ticket.claim.id),
      api.evidence(id),
      api.verdict(id),
      api.comments(id),
      api.history(id),
    ]);
    return { ticket, claim, evidence, verdict, comments, history };
  }, [api, id]);
  useLiveRefetch((e) => e.ticketId === id, data.reload);

  useEffect(() => {
    if (data.data) document.title = `#${id} · Factdesk`;
    return () => {
      document.title = 'Factdesk';
    };
  }, [data.data, id]);

  if (!data.data) {
    return (
      <section>
        <h1>Ticket #{id}</h1>
        <ErrorBox error={data.error} />
        {data.loading && <Spinner />}
      </section>
    );
  }
  const { ticket, claim, evidence, verdict, comments, history } = data.data;
  // Every control below is shown from what the server says this person may do now.
  const can = ticket.permissions;

  return (
    <article className="workspace">
      <header className="screen-head">
        <div>
          <p className="muted"><a href={href('/queue')}>Queue</a> › Ticket #{ticket.id}</p>
          <h1>Ticket #{ticket.id}</h1>
          <div className="meta">
            <StatusBadge status={ticket.status} />
            <PriorityBadge priority={ticket.claim.priority} />
            <Deadline deadline={ticket.deadline} overdue={ticket.overdue} timeZone={timeZone} />
            <span>Assignee: {name(ticket.assignee)}</span>
            {ticket.publishAt && <span className="badge scheduled">Scheduled for <When iso={ticket.publishAt} timeZone={timeZone} /></span>}
            {ticket.publishedVersions > 0 && <span>{ticket.publishedVersions} published version{ticket.publishedVersions > 1 ? 's' : ''}</span>}
            {ticket.publishedVersions > 0 && <a href={`/fact-checks/${ticket.id}`} target="_blank" rel="noopener">Public page</a>}
          </div>
          {ticket.reason && <p className="note">Reason: {ticket.reason}</p>}
          <PublicationFailure ticket={ticket} />
        </div>
      </header>
      {data.error && <ErrorBox error={data.error} />}
      <Actions ticket={ticket} onDone={data.reload} />
      <div className="workspace-grid">
        <div className="col">
          <ClaimPanel claim={claim} editable={can.edit.claim} onSaved={data.reload} />
          <EvidencePanel ticketId={ticket.id} items={evidence} editable={can.edit.evidence} onChanged={data.reload} />
          <VerdictPanel ticket={ticket} overview={verdict} evidence={evidence} editable={can.edit.verdict} onSaved={data.reload} />
        </div>
        <div className="col side">
          {can.edit.triage && <TriagePanel ticket={ticket} onSaved={data.reload} />}
          <CommentsPanel ticket={ticket} comments={comments} canComment={can.comment} onAdded={data.reload} />
          <section className="panel" aria-labelledby="history-h">
            <h2 id="history-h">History</h2>
            <ol className="timeline">
              {[...history].reverse().map((e) => (
                <li key={e.id}>
                  <When iso={e.occurredAt} timeZone={timeZone} /> — <strong>{name(e.actor)}</strong> {e.action}
                  {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                    <> ({statusText(e.fromStatus)} → {statusText(e.toStatus)})</>
                  )}
                  {e.changes != null && (
                    <details>
                      <summary>Changes</summary>
                      <pre>{JSON.stringify(e.changes, null, 2)}</pre>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}

type Pending = { spec: ActionSpec; mode: 'now' | 'schedule' } | null;

function Actions({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { api, people, timeZone } = useDesk();
  const actions = actionsToShow(ticket.permissions.actions);
  const [pending, setPending] = useState<Pending>(null);
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const [when, setWhen] = useState('');
  const [busy, error, run, clearError] = useAction();
  const [dialogError, setDialogError] = useState<string | null>(null);

  if (actions.length === 0) return <ErrorBox error={error} />;

  const perform = async (spec: ActionSpec, body?: Record<string, unknown>) => {
    const ok = await run(() => api.transition(ticket.id, spec.action, body));
    if (ok) {
      setPending(null);
      onDone();
    }
  };

  const open = (spec: ActionSpec, mode: 'now' | 'schedule' = 'now') => {
    clearError();
    setDialogError(null);
    setText('');
    setAssignee('');
    setWhen(anHourFromNowIn(timeZone));
    const needsDialog = spec.confirm || spec.text || spec.action === 'assign' || spec.action === 'correct' || mode === 'schedule';
    if (needsDialog) setPending({ spec, mode });
    else void perform(spec);
  };

  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) return;
    const { spec, mode } = pending;
    const body: Record<string, unknown> = {};
    if (spec.text) {
      if (spec.text.required && !text.trim()) return setDialogError(`${spec.text.label} is required.`);
      body[spec.text.field] = text.trim();
    }
    if (spec.action === 'assign') {
      if (!assignee) return setDialogError('Choose a person.');
      body.assignee = assignee;
    }
    if (spec.action === 'correct' && assignee) body.assignee = assignee;
    if (spec.action === 'publish' && mode === 'schedule') {
      const iso = zonedLocalToIso(when, timeZone);
      if (!iso) return setDialogError('Enter a date and time.');
      body.publishAt = iso;
    }
    void perform(spec, Object.keys(body).length ? body : undefined);
  };

  // People to pick an assignee from: the directory's fact-checkers. A pick list, not a rule: the
  // server judges the assignee and its refusal is shown as it comes.
  const factcheckers = people.filter((p) => p.roles.includes('factchecker'));
  const spec = pending?.spec;
  const title = !spec ? '' : spec.action === 'publish' ? (pending!.mode === 'schedule' ? 'Schedule publication' : 'Publish now?')
    : spec.action === 'assign' ? 'Assign ticket' : `${spec.label}?`;

  return (
    <section className="actions" aria-label="Actions">
      {actions.map((a) => (
        <span key={a.action} className="action">
          <button className={a.primary ? 'primary' : a.confirm ? 'danger' : ''} disabled={busy} onClick={() => open(a)}>
            {a.label}
          </button>
          {a.action === 'publish' && (
            <button disabled={busy} onClick={() => open(a, 'schedule')}>Schedule…</button>
          )}
        </span>
      ))}
      {!pending && <ErrorBox error={error} />}
      {pending && spec && (
        <Dialog title={title} onClose={() => setPending(null)}>
          <form onSubmit={confirm}>
            {spec.action === 'publish' && pending.mode === 'now' && (
              <p>The verdict goes out now: its public page, the feeds and partner webhooks. A published version can only be corrected or retracted, never removed.</p>
            )}
            {spec.action === 'retract' && <p>The public page will show a retraction notice; feeds and partners are told. This cannot be undone.</p>}
            {spec.action === 'discard' && <p>The ticket leaves the desk. An editor can reopen it later.</p>}
            {spec.action === 'withdraw-approval' && (
              <p>The ticket goes back to work in progress{ticket.publishAt ? ' and its scheduled publication is cancelled' : ''}.</p>
            )}
            {spec.action === 'publish' && pending.mode === 'schedule' && (
              <label>
                Publish at ({timeZone})
                <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
              </label>
            )}
            {spec.text && (
              <label>
                {spec.text.label}
                <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} required={spec.text.required} />
              </label>
            )}
            {(spec.action === 'assign' || spec.action === 'correct') && (
              <label>
                {spec.action === 'assign' ? 'Assignee' : 'Assign the correction to (optional)'}
                <select value={assignee} onChange={(e) => setAssignee(e.target.value)} required={spec.action === 'assign'}>
                  <option value="">{spec.action === 'assign' ? 'Choose…' : 'Its fact-checker'}</option>
                  {factcheckers.map((p) => <option key={p.subject} value={p.subject}>{p.name || p.username}</option>)}
                </select>
              </label>
            )}
            <ErrorBox error={dialogError ?? error} />
            <div className="dialog-buttons">
              <button type="button" onClick={() => setPending(null)}>Cancel</button>
              <button type="submit" className={spec.confirm && spec.action !== 'publish' ? 'danger' : 'primary'} disabled={busy}>
                {spec.action === 'publish' ? (pending.mode === 'schedule' ? 'Schedule' : 'Publish now') : spec.action === 'assign' ? 'Assign' : spec.label}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}

function ClaimPanel({ claim, editable, onSaved }: { claim: Claim; editable: boolean; onSaved: () => void }) {
  const { api, timeZone } = useDesk();
  const [editing, setEditing] = useState(false);
  const server = { text: claim.text, claimant: claim.claimant ?? '', topics: claim.topics.join(', ') };
  const draft = useDraft(server, claim.version);
  const [busy, error, run] = useAction();
  const article = useLoad(async () => (claim.articleId ? api.article(claim.articleId) : null), [api, claim.articleId]);

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
          <ErrorBox error={error}>{error instanceof ApiError && error.stale && <> <button type="button" onClick={() => { draft.reset(); onSaved(); }}>Reload (discard my edits)</button></>}</ErrorBox>
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>Save claim</button>
            <button type="button" onClick={() => { draft.reset(); setEditing(false); }}>Cancel</button>
          </div>
        </form>
      )}
      {claim.articleId && (
        <details className="source" open>
          <summary>Source article{article.data ? `: ${article.data.title || article.data.url}` : ''}</summary>
          {article.data && (
            <>
              <p className="muted">
                {[article.data.outlet, article.data.author].filter(Boolean).join(' · ')}{' '}
                <a href={article.data.url} target="_blank" rel="noopener noreferrer">Original</a>
              </p>
              <div className="article-text" data-testid="source-article">
                <Highlighted
                  text={article.data.text}
                  spans={claim.sourceStart != null && claim.sourceEnd != null ? [{ start: claim.sourceStart, end: claim.sourceEnd, kind: 'claim', title: 'The claim' }] : []}
                />
              </div>
            </>
          )}
          <ErrorBox error={article.error} />
        </details>
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

/** Priority and deadline: triage, set apart from the reviewed content and never frozen by review. */
function TriagePanel({ ticket, onSaved }: { ticket: Ticket; onSaved: () => void }) {
  const { api, timeZone } = useDesk();
  const server = { priority: (ticket.claim.priority ?? 'NORMAL') as Priority, deadline: isoToZonedLocal(ticket.deadline, timeZone) };
  const draft = useDraft(server, ticket.version);
  const [busy, error, run] = useAction();
  const [inputError, setInputError] = useState<string | null>(null);
  const v = draft.value;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setInputError(null);
    const zoned = v.deadline ? zonedLocalToIso(v.deadline, timeZone) : null;
    if (v.deadline && !zoned) return setInputError('Enter a date and time, or no deadline.');
    // Sent as a UTC instant ("…Z"), the plainest form of an ISO instant.
    const deadline = zoned ? new Date(zoned).toISOString() : null;
    const ok = await run(() => api.triage(ticket.id, { priority: v.priority, deadline, version: draft.baseVersion ?? ticket.version }));
    if (ok) {
      draft.reset();
      onSaved();
    }
  };

  return (
    <section className="panel" aria-labelledby="triage-h">
      <h2 id="triage-h">Triage</h2>
      <form onSubmit={save} className="form" aria-label="Triage">
        <ConflictNote show={draft.changedElsewhere} onReload={() => draft.reset()} />
        <label>Priority
          <select value={v.priority} onChange={(e) => draft.update({ priority: e.target.value as Priority })}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{label(p)}</option>)}
          </select>
        </label>
        <label>Deadline ({timeZone})
          <input type="datetime-local" value={v.deadline} onChange={(e) => draft.update({ deadline: e.target.value })} />
        </label>
        <ErrorBox error={inputError ?? error}>{error instanceof ApiError && error.stale && <> <button type="button" onClick={() => { draft.reset(); onSaved(); }}>Reload (discard my edits)</button></>}</ErrorBox>
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy || !draft.dirty}>Save triage</button>
          {v.deadline && <button type="button" onClick={() => draft.update({ deadline: '' })}>No deadline</button>}
        </div>
      </form>
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

function EvidencePanel({ ticketId, items, editable, onChanged }: { ticketId: number; items: Evidence[]; editable: boolean; onChanged: () => void }) {
  const { api } = useDesk();
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [, error, run] = useAction();
  return (
    <section className="panel" aria-labelledby="evidence-h">
      <h2 id="evidence-h">Evidence <span className="count">{items.length}</span></h2>
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
      <ErrorBox error={error} />
      {editable && (adding ? (
        <EvidenceForm ticketId={ticketId} onDone={() => { setAdding(false); onChanged(); }} onCancel={() => setAdding(false)} />
      ) : (
        <button onClick={() => setAdding(true)}>New evidence</button>
      ))}
    </section>
  );
}

function VerdictPanel({ ticket, overview, evidence, editable, onSaved }: { ticket: Ticket; overview: VerdictOverview; evidence: Evidence[]; editable: boolean; onSaved: () => void }) {
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
                <div className="muted small">Published <When iso={p.publishedAt} timeZone={timeZone} /> by {name(p.publishedBy)}</div>
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
          <ErrorBox error={error}>{error instanceof ApiError && error.stale && <> <button type="button" onClick={() => { draft.reset(); onSaved(); }}>Reload (discard my edits)</button></>}</ErrorBox>
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

function CommentsPanel({ ticket, comments, canComment, onAdded }: { ticket: Ticket; comments: { id: number; author: string; body: string; createdAt: string }[]; canComment: boolean; onAdded: () => void }) {
  const { api, timeZone } = useDesk();
  const name = usePersonName();
  const [body, setBody] = useState('');
  const [busy, error, run] = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    if (await run(() => api.addComment(ticket.id, body.trim()))) {
      setBody('');
      onAdded();
    }
  };
  return (
    <section className="panel" aria-labelledby="comments-h">
      <h2 id="comments-h">Comments <span className="count">{comments.length}</span></h2>
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id}>
            <div className="muted small"><strong>{name(c.author)}</strong> · <When iso={c.createdAt} timeZone={timeZone} /></div>
            <p className="comment-body">{c.body}</p>
          </li>
        ))}
      </ol>
      {canComment && (
        <form onSubmit={submit} className="form">
          <label htmlFor="comment-body">Comment</label>
          <textarea
            id="comment-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={3}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e as unknown as FormEvent);
            }}
          />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy || !body.trim()}>Add comment</button>
        </form>
      )}
    </section>
  );
}
