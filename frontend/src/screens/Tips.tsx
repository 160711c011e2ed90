import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorBox, Spinner, StatusBadge, When, useAction } from '../components';
import { useDesk } from '../desk';
import { useLoad } from '../hooks/useLoad';
import { changeView, href, parseView, viewValue, type Route } from '../router';
import type { ClaimLink, TipGroup, TipGroupDetail, TipGroupState } from '../types';

const STATES: { value: TipGroupState; label: string }[] = [
  { value: 'open', label: 'To handle' },
  { value: 'attached', label: 'Attached to a claim' },
  { value: 'dismissed', label: 'Not taken up' },
];

/** The weekday (or date, beyond a week) an instant falls on in the desk's time zone: "since Monday". */
export function weekdayOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone }).format(new Date(iso));
}

const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;

/**
 * The tips inbox (GET /api/tips): groups of what the public asked, most recently asked first, in the
 * state the view names. Every desk role reads it; each group carries what the caller may do with it.
 */
export function TipsScreen({ route }: { route: Route }) {
  const { api } = useDesk();
  const view = parseView(route.query, []);
  const asked = viewValue(view, 'state');
  const state: TipGroupState = STATES.some((s) => s.value === asked) ? (asked as TipGroupState) : 'open';
  const after = viewValue(view, 'after') ?? null;
  const list = useLoad(() => api.tips(state, after), [api, state, after]);
  const [outcome, setOutcome] = useState<ReactNode>(null);
  const data = list.data;

  const handled = (message: ReactNode) => {
    setOutcome(message);
    list.reload();
  };

  return (
    <section>
      <h1>Tips</h1>
      <p className="muted">What the public asked the desk to check, grouped by what it asks about.</p>
      <form className="filters" aria-label="Tips" onSubmit={(e) => e.preventDefault()}>
        <label>
          Show
          <select value={state} onChange={(e) => changeView('/tips', view, { state: e.target.value, after: undefined })}>
            {STATES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
      </form>
      <div role="status" aria-live="polite">{outcome && <p className="success">{outcome}</p>}</div>
      <ErrorBox error={list.error} />
      {list.loading && !data && <Spinner />}
      {data?.items.length === 0 && <p className="empty">{after ? 'No more groups.' : 'No tips here.'}</p>}
      <ul className="plain tip-groups" aria-label="Groups of tips">
        {data?.items.map((g) => <TipGroupItem key={g.id} group={g} onHandled={handled} />)}
      </ul>
      {data && (after || data.next) && (
        <nav className="pager" aria-label="Pages of tips">
          {after && <button type="button" onClick={() => changeView('/tips', view, { after: undefined })}>Most recent</button>}
          {data.next && <button type="button" onClick={() => changeView('/tips', view, { after: data.next ?? undefined })}>Older</button>}
        </nav>
      )}
    </section>
  );
}

function ClaimRef({ link }: { link: ClaimLink }) {
  return (
    <>
      <a href={href(`/tickets/${link.ticketId}`)}>claim #{link.claimId}</a> <StatusBadge status={link.status} />
    </>
  );
}

/** One group: what it asks, how often and by which channels, its tips on demand, and the editor's actions. */
function TipGroupItem({ group, onHandled }: { group: TipGroup; onHandled: (message: ReactNode) => void }) {
  const { timeZone } = useDesk();
  const [open, setOpen] = useState(false);
  const headingId = `tip-group-${group.id}`;
  const can = group.permissions;
  return (
    <li className="card tip-group" aria-labelledby={headingId}>
      <p className="sentence" id={headingId}>“{group.text}”</p>
      <p className="meta">
        <strong>Asked {times(group.askedSince.count)} since {weekdayOf(group.askedSince.from, timeZone)}</strong>
        <span>{times(group.asked)} in all, first <When iso={group.since} timeZone={timeZone} />, last <When iso={group.lastAt} timeZone={timeZone} /></span>
        {group.channels.map((c) => <span key={c} className="tag">{c}</span>)}
        {group.language && <span className="tag">{group.language}</span>}
        {group.autoAnswered > 0 && <span>{group.autoAnswered} answered automatically</span>}
      </p>
      {group.claim && <p className="meta"><span>Attached to <ClaimRef link={group.claim} /></span></p>}
      {group.dismissedAt && <p className="meta"><span>Not taken up, <When iso={group.dismissedAt} timeZone={timeZone} /></span></p>}
      {!group.claim && group.suggested && (
        <p className="meta">
          <span>Suggested: <ClaimRef link={group.suggested} />{group.suggested.similarity != null && ` (${Math.round(group.suggested.similarity * 100)}% alike)`}</span>
        </p>
      )}
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>{open ? 'Hide tips' : 'Show tips'}</button>
      {open && <GroupTips id={group.id} />}
      {(can.createClaim || can.attach || can.dismiss) && <GroupActions group={group} onHandled={onHandled} />}
    </li>
  );
}

/** A group's newest tips, newest first (the server answers at most 200). */
function GroupTips({ id }: { id: number }) {
  const { api, timeZone } = useDesk();
  const detail = useLoad<TipGroupDetail>(() => api.tipGroup(id), [api, id]);
  const d = detail.data;
  return (
    <div className="tips-of-group">
      <ErrorBox error={detail.error} />
      {!d && detail.loading && <Spinner />}
      {d && d.tips.length < d.group.asked && <p className="muted">The newest {d.tips.length} of {d.group.asked} tips.</p>}
      <ol className="plain">
        {d?.tips.map((t) => (
          <li key={t.id}>
            <p>{t.text}</p>
            {/* The public's links are shown as text: the desk opens them deliberately, never by a click here. */}
            {t.links.length > 0 && <ul className="links">{t.links.map((l, i) => <li key={i}><code>{l}</code></li>)}</ul>}
            <p className="meta">
              <When iso={t.receivedAt} timeZone={timeZone} />
              <span className="tag">{t.channel}</span>
              {t.language && <span className="tag">{t.language}</span>}
              {t.autoAnswered && <span>answered automatically</span>}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Create claim (a small form prefilled with the group's words), Attach to claim #, Dismiss: as the server allows. */
function GroupActions({ group, onHandled }: { group: TipGroup; onHandled: (message: ReactNode) => void }) {
  const { api } = useDesk();
  const [form, setForm] = useState<'claim' | 'dismiss' | null>(null);
  const [text, setText] = useState(group.text);
  // A tip need not say its language; the editor confirms the claim's, English as Intake proposes it.
  const [language, setLanguage] = useState(group.language ?? 'en');
  const [claimId, setClaimId] = useState(group.suggested ? String(group.suggested.claimId) : '');
  const [reason, setReason] = useState('');
  const [busy, error, run] = useAction();
  const can = group.permissions;

  const createClaim = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const g = await api.createClaimFromTips(group.id, { text: text.trim(), language: language.trim() });
      onHandled(g.claim
        ? <>Claim created from {times(g.asked)} asked: <a href={href(`/tickets/${g.claim.ticketId}`)}>ticket #{g.claim.ticketId}</a>.</>
        : 'Claim created.');
    });
  };
  const attach = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const g = await api.attachTips(group.id, Number(claimId));
      onHandled(g.claim
        ? <>Tips attached to <a href={href(`/tickets/${g.claim.ticketId}`)}>claim #{g.claim.claimId}</a>.</>
        : 'Tips attached.');
    });
  };
  const dismiss = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.dismissTips(group.id, reason.trim() || null);
      onHandled('Group dismissed: not taken up.');
    });
  };

  return (
    <div className="tip-actions">
      {can.createClaim && (form === 'claim' ? (
        <form className="form" aria-label="New claim from these tips" onSubmit={createClaim}>
          <label>Claim text<textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} required maxLength={5000} /></label>
          <label>Language<input value={language} onChange={(e) => setLanguage(e.target.value)} required maxLength={35} pattern="[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*" /></label>
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>Create claim</button>
            <button type="button" onClick={() => setForm(null)}>Cancel</button>
          </div>
        </form>
      ) : <button type="button" onClick={() => setForm('claim')}>Create claim</button>)}
      {can.attach && (
        <form className="inline-form" aria-label="Attach to an existing claim" onSubmit={attach}>
          <label>Attach to claim #<input type="number" min={1} inputMode="numeric" value={claimId} onChange={(e) => setClaimId(e.target.value)} required /></label>
          <button type="submit" disabled={busy}>Attach</button>
        </form>
      )}
      {can.dismiss && (form === 'dismiss' ? (
        <form className="form" aria-label="Dismiss these tips" onSubmit={dismiss}>
          <label>Reason (optional)<input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} /></label>
          <div className="buttons">
            <button type="submit" disabled={busy}>Dismiss</button>
            <button type="button" onClick={() => setForm(null)}>Cancel</button>
          </div>
        </form>
      ) : <button type="button" onClick={() => setForm('dismiss')}>Dismiss</button>)}
      <ErrorBox error={error} />
    </div>
  );
}
