import { useId, useState, type FormEvent } from 'react';
import { ErrorBox, Spinner, When, enumText, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useLoad } from '../../hooks/useLoad';
import { ActiveBadge, DeactivateDialog, SecretShownOnce } from './partners';
import type { WebhookDelivery, WebhookEndpoint } from '../../types';

/** What partners can subscribe to (WebhookOutbox.EVENTS on the server, which refuses any other). */
const EVENTS = ['fact-check.published', 'fact-check.corrected', 'fact-check.retracted'];

/** Partners' webhook endpoints (GET/POST/DELETE /api/webhooks) and what was delivered to each. */
export function WebhooksScreen() {
  const { api, timeZone } = useDesk();
  const endpoints = useLoad(() => api.webhooks(), [api]);
  const [created, setCreated] = useState<WebhookEndpoint | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [deactivating, setDeactivating] = useState<WebhookEndpoint | null>(null);
  const [busy, error, run] = useAction();

  const deactivate = async () => {
    const endpoint = deactivating!;
    setDeactivating(null);
    if (await run(() => api.deactivateWebhook(endpoint.id))) endpoints.reload();
  };

  return (
    <section className="panel" aria-labelledby="webhooks-h">
      <h2 id="webhooks-h">Webhooks</h2>
      <RegisterForm onCreated={(e) => { setCreated(e); endpoints.reload(); }} />
      {created?.secret && <SecretShownOnce registered={created.url} secret={created.secret} onDone={() => setCreated(null)} />}
      <ErrorBox error={endpoints.error} />
      <div aria-live="polite"><ErrorBox error={error} /></div>
      {!endpoints.data && !endpoints.error && <Spinner />}
      {endpoints.data?.items.length === 0 && <p className="empty">No webhook endpoints yet.</p>}
      <ul className="plain">
        {endpoints.data?.items.map((e) => (
          <li key={e.id} className="card">
            <p><strong>{e.url}</strong> <ActiveBadge active={e.active} /></p>
            <p className="meta"><span>{e.events.join(', ')}</span><span>since <When iso={e.createdAt} timeZone={timeZone} /></span></p>
            <div className="buttons">
              <button type="button" aria-expanded={shown === e.id} onClick={() => setShown(shown === e.id ? null : e.id)}>
                {shown === e.id ? 'Hide deliveries' : 'Show deliveries'}
              </button>
              {e.active && <button type="button" className="danger" disabled={busy} onClick={() => setDeactivating(e)}>Deactivate…</button>}
            </div>
            {shown === e.id && <Deliveries endpoint={e} />}
          </li>
        ))}
      </ul>
      {deactivating && (
        <DeactivateDialog title="Deactivate webhook?" onCancel={() => setDeactivating(null)} onConfirm={() => void deactivate()}>
          {deactivating.url} gets no further deliveries. What was sent stays listed.
        </DeactivateDialog>
      )}
    </section>
  );
}

function RegisterForm({ onCreated }: { onCreated: (e: WebhookEndpoint) => void }) {
  const { api } = useDesk();
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(EVENTS);
  const [busy, error, run] = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let made: WebhookEndpoint | null = null;
    if (await run(async () => { made = await api.registerWebhook({ url: url.trim(), events }); })) {
      setUrl('');
      onCreated(made!);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Register an endpoint</h3>
      <label>Endpoint URL (https)<input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={2048} /></label>
      <fieldset>
        <legend>Events</legend>
        {EVENTS.map((ev) => (
          <label key={ev} className="choice">
            <input type="checkbox" checked={events.includes(ev)}
              onChange={(e) => setEvents((all) => (e.target.checked ? [...all, ev] : all.filter((x) => x !== ev)))} />
            {ev}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite"><ErrorBox error={error} /></div>
      <div className="buttons"><button type="submit" className="primary" disabled={busy || events.length === 0}>Register</button></div>
    </form>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { api, timeZone } = useDesk();
  const [after, setAfter] = useState<string | null>(null);
  const page = useLoad(() => api.deliveries(endpoint.id, after), [api, endpoint.id, after]);
  const [resent, setResent] = useState<WebhookDelivery | null>(null);
  const [busy, error, run] = useAction();

  const resend = async (d: WebhookDelivery) => {
    setResent(null);
    let answer: WebhookDelivery | null = null;
    if (await run(async () => { answer = await api.resendDelivery(d.id); })) {
      setResent(answer);
      page.reload();
    }
  };

  const items = page.data?.items ?? [];
  return (
    <div>
      <ErrorBox error={page.error} />
      <div aria-live="polite">
        <ErrorBox error={error} />
        {resent && <p className="success">Delivery {resent.id} queued again ({enumText(resent.status)}).</p>}
      </div>
      {page.loading && !page.data && <Spinner />}
      {page.data && items.length === 0 && <p className="empty">Nothing delivered yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Deliveries to {endpoint.url}, newest first</caption>
            <thead>
              <tr><th scope="col">Event</th><th scope="col">Ticket</th><th scope="col">Status</th><th scope="col">Attempts</th>
                <th scope="col">Last answer</th><th scope="col">Created</th><th scope="col">Delivered / next attempt</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>{d.eventType}</td>
                  <td>#{d.ticketId}</td>
                  <td>{enumText(d.status)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatus ?? ''}{d.lastError ? ` ${d.lastError}` : ''}{d.lastStatus == null && !d.lastError ? '—' : ''}</td>
                  <td><When iso={d.createdAt} timeZone={timeZone} /></td>
                  <td>{d.deliveredAt ? <When iso={d.deliveredAt} timeZone={timeZone} /> : d.nextAttemptAt ? <>next <When iso={d.nextAttemptAt} timeZone={timeZone} /></> : '—'}</td>
                  <td>{endpoint.active && <button type="button" disabled={busy} onClick={() => void resend(d)} aria-label={`Resend delivery ${d.id}`}>Resend</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="buttons">
        {after && <button type="button" onClick={() => setAfter(null)}>Newest</button>}
        {page.data?.next && <button type="button" onClick={() => setAfter(page.data!.next!)}>Older deliveries</button>}
      </div>
    </div>
  );
}
