import { useId, useState, type FormEvent } from 'react';
import { ErrorBox, Spinner, When, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useLoad } from '../../hooks/useLoad';
import { ActiveBadge, DeactivateDialog, SecretShownOnce } from './partners';
import type { TipChannel } from '../../types';

/**
 * Partners' tiplines (GET/POST /api/tip-channels): each posts its tips signed with the secret shown at
 * registration, and gets its requesters' answers at its reply URL. The server checks names and URLs.
 */
export function TipChannelsScreen() {
  const { api, timeZone } = useDesk();
  const channels = useLoad(() => api.tipChannels(), [api]);
  const [created, setCreated] = useState<TipChannel | null>(null);
  const [deactivating, setDeactivating] = useState<TipChannel | null>(null);
  const [busy, error, run] = useAction();

  const deactivate = async () => {
    const channel = deactivating!;
    setDeactivating(null);
    if (await run(() => api.deactivateTipChannel(channel.id))) channels.reload();
  };

  return (
    <section className="panel" aria-labelledby="tip-channels-h">
      <h2 id="tip-channels-h">Tip channels</h2>
      <p className="meta">A partner's tipline posts tips to <code>/public/channels/&lt;name&gt;/tips</code>, signed with its secret as webhooks are.</p>
      <RegisterForm onCreated={(c) => { setCreated(c); channels.reload(); }} />
      {created?.secret && <SecretShownOnce registered={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      <ErrorBox error={channels.error} />
      <div aria-live="polite"><ErrorBox error={error} /></div>
      {!channels.data && !channels.error && <Spinner />}
      {channels.data?.items.length === 0 && <p className="empty">No tip channels yet.</p>}
      <ul className="plain">
        {channels.data?.items.map((c) => (
          <li key={c.id} className="card">
            <p><strong>{c.name}</strong> <ActiveBadge active={c.active} /></p>
            <p className="meta"><span>answers to {c.replyUrl}</span><span>since <When iso={c.createdAt} timeZone={timeZone} /></span></p>
            {c.active && (
              <div className="buttons">
                <button type="button" className="danger" disabled={busy} onClick={() => setDeactivating(c)}
                  aria-label={`Deactivate ${c.name}…`}>Deactivate…</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {deactivating && (
        <DeactivateDialog title="Deactivate tip channel?" onCancel={() => setDeactivating(null)} onConfirm={() => void deactivate()}>
          {deactivating.name} can post no further tips. The tips it sent stay, and so does its name.
        </DeactivateDialog>
      )}
    </section>
  );
}

function RegisterForm({ onCreated }: { onCreated: (c: TipChannel) => void }) {
  const { api } = useDesk();
  const id = useId();
  const [name, setName] = useState('');
  const [replyUrl, setReplyUrl] = useState('');
  const [busy, error, run] = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let made: TipChannel | null = null;
    if (await run(async () => { made = await api.registerTipChannel({ name: name.trim(), replyUrl: replyUrl.trim() }); })) {
      setName('');
      setReplyUrl('');
      onCreated(made!);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Register a channel</h3>
      <label>Name (lower-case letters, digits, hyphens)<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={40} /></label>
      <label>Reply URL (https)<input type="url" value={replyUrl} onChange={(e) => setReplyUrl(e.target.value)} required maxLength={2048} /></label>
      <div aria-live="polite"><ErrorBox error={error} /></div>
      <div className="buttons"><button type="submit" className="primary" disabled={busy}>Register</button></div>
    </form>
  );
}
