// The bell in the header: the caller's unread count, and a list of their notifications to open from it.
// The count is fed by the live-update stream (on every (re)connection and on ticket changes by others:
// one's own actions never notify oneself), on window focus, and after marking.
import { useCallback, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { ErrorBox, Spinner, When, useAction } from './components';
import { useDesk, usePersonName } from './desk';
import { refetchOn } from './events';
import { href } from './router';
import type { Notification, UnreadCount } from './types';

/** "3", or "99+" beyond 99 (and beyond the server's exact count). */
export function unreadText(count: UnreadCount | null): string {
  if (!count || count.count === 0) return '';
  return count.count > 99 || !count.exact ? '99+' : String(count.count);
}

export function NotificationBell() {
  const { api, live, me } = useDesk();
  const [count, setCount] = useState<UnreadCount | null>(null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const refresh = useCallback(() => {
    api.unreadCount().then(setCount, () => undefined); // the bell stays as it was while the server is away
  }, [api]);
  useEffect(refresh, [refresh]);
  useEffect(() => refetchOn(live, (event) => event.actor !== me.subject, refresh, 500), [live, me.subject, refresh]);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const text = unreadText(count);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-label={text ? `Notifications, ${text} unread` : 'Notifications, none unread'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {text && <span className="bell-count" aria-hidden="true">{text}</span>}
      </button>
      {open && <NotificationList id={panelId} onClose={close} onCount={setCount} />}
    </div>
  );
}

/** The caller's notifications, newest first, in a panel under the bell: Escape or a click outside closes it. */
export function NotificationList({ id, onClose, onCount }: { id: string; onClose: () => void; onCount: (count: UnreadCount) => void }) {
  const { api, live, me, timeZone } = useDesk();
  const name = usePersonName();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [busy, error, run] = useAction();
  const panel = useRef<HTMLDivElement>(null);
  const headingId = `${id}-h`;

  const load = useCallback(() => {
    api.notifications().then((page) => {
      setItems(page.items);
      setNext(page.next ?? null);
      setLoadError(null);
    }, (e: unknown) => setLoadError(e instanceof Error ? e : new Error(String(e))));
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => refetchOn(live, (event) => event.actor !== me.subject, load, 500), [live, me.subject, load]);
  const closeLatest = useEffectEvent(onClose);
  useEffect(() => panel.current?.focus(), []); // once, when it opens: later renders leave the focus where it is
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      const target = e.target as Node;
      // the bell's own box holds the button, whose click toggles the list itself
      if (panel.current && !panel.current.parentElement?.contains(target)) closeLatest();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, []);

  const more = () => run(async () => {
    const page = await api.notifications(next);
    setItems((known) => [...(known ?? []), ...page.items]);
    setNext(page.next ?? null);
  });
  const markRead = (n: Notification) => run(async () => {
    const read = await api.markNotificationRead(n.id);
    setItems((known) => known?.map((k) => (k.id === n.id ? read : k)) ?? null);
    onCount(await api.unreadCount());
  });
  const markAll = () => run(async () => {
    onCount(await api.markAllNotificationsRead());
    load();
    panel.current?.focus(); // the button goes once nothing is unread: focus stays in the list, where Escape closes it
  });
  const who = (n: Notification) => n.actorName ?? (n.actor === 'system' ? 'Factdesk' : name(n.actor, null));
  const unread = items?.some((n) => !n.readAt) ?? false;

  return (
    <div
      id={id}
      ref={panel}
      className="notifications"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="notifications-head">
        <h2 id={headingId}>Notifications</h2>
        {unread && <button type="button" onClick={() => void markAll()} disabled={busy}>Mark all read</button>}
      </div>
      <ErrorBox error={loadError ?? error} />
      {items === null && !loadError && <Spinner label="Loading notifications…" />}
      {items?.length === 0 && <p className="muted">Nothing yet: you are told here when someone assigns you a ticket, mentions you, or reviews or publishes your work.</p>}
      {items && items.length > 0 && (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <p>
                {!n.readAt && <span className="visually-hidden">Unread: </span>}
                <strong>{who(n)}</strong> {n.phrase}{' '}
                <a href={href(`/tickets/${n.ticketId}`)} onClick={() => {
                  if (!n.readAt) void markRead(n);
                  onClose();
                }}>ticket {n.ticketId}</a>
                {n.claimExcerpt && <>: <q>{n.claimExcerpt}</q></>}
              </p>
              <div className="muted small">
                <When iso={n.createdAt} timeZone={timeZone} />
                {!n.readAt && (
                  <button type="button" className="link" onClick={() => void markRead(n)} disabled={busy}
                    aria-label={`Mark read: ${who(n)} ${n.phrase} ticket ${n.ticketId}`}>Mark read</button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {next && <button type="button" onClick={() => void more()} disabled={busy}>Show older</button>}
    </div>
  );
}
