import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { segments, type HighlightSpan } from './highlight';
import { deadlineInfo, formatDate, formatDateTime } from './time';
import type { Status, Ticket } from './types';

const STATUS_TEXT: Record<string, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
  RETRACTED: 'Retracted',
  DISCARDED: 'Discarded',
};

export const statusText = (status: string) => STATUS_TEXT[status] ?? enumText(status);

/** Any other enum value in words ("VAGUE_ATTRIBUTION" → "Vague attribution"), never shown raw. */
export const enumText = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** Past these a ticket's deadline no longer matters, so it is not shown. */
const FINISHED: ReadonlySet<string> = new Set(['PUBLISHED', 'RETRACTED', 'DISCARDED']);

/** Status as a text badge (colour is never the only signal). */
export function StatusBadge({ status }: { status: Status | string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{statusText(status)}</span>;
}

/** Work a reviewer sent back, not submitted since: a text flag (not colour alone), for its assignee and everyone. */
export function ChangesRequested({ ticket }: { ticket: Pick<Ticket, 'changesRequested'> }) {
  if (!ticket.changesRequested) return null;
  return <span className="badge changes-requested">Changes requested</span>;
}

/** Failed scheduled publication, shown from the third failure on, with its error (the server keeps retrying). */
export function PublicationFailure({ ticket }: { ticket: Pick<Ticket, 'publicationFailures' | 'lastPublicationError'> }) {
  if (!ticket.publicationFailures || ticket.publicationFailures < 3) return null;
  return (
    <p className="note error" role="status">
      Scheduled publication failed {ticket.publicationFailures} times: {ticket.lastPublicationError}
    </p>
  );
}

export function PriorityBadge({ priority }: { priority: string | null | undefined }) {
  if (!priority) return null;
  return <span className={`badge priority-${priority.toLowerCase()}`}>{priority.charAt(0) + priority.slice(1).toLowerCase()}</span>;
}

/** The deadline with how far off it is; nothing once the ticket is finished (published, retracted or discarded). */
export function Deadline({ deadline, overdue, timeZone, status }: { deadline: string | null; overdue?: boolean; timeZone: string; status?: string }) {
  if (status && FINISHED.has(status)) return null;
  const info = deadlineInfo(deadline, timeZone, new Date(), overdue);
  if (!deadline) return <span className="muted">No deadline</span>;
  return (
    <span className={info.overdue ? 'deadline overdue' : 'deadline'}>
      {info.overdue && <strong className="badge overdue-badge">Overdue</strong>}{' '}
      <time dateTime={deadline}>{info.text}</time>
      {info.relative && <span className="muted"> · {info.relative}</span>}
    </span>
  );
}

/**
 * Who made the claim; "(removed 12 Nov 2026)" after a GDPR erasure. A date without a time is
 * that calendar day (read in UTC so no time zone moves it); an instant is dated in the desk's zone.
 */
export function Claimant({ claim, timeZone }: { claim: { claimant: string | null; claimantErased?: string | null }; timeZone: string }) {
  if (claim.claimant) return <>{claim.claimant}</>;
  const erased = claim.claimantErased;
  if (!erased) return <>—</>;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(erased);
  return <span className="muted">(removed <time dateTime={erased}>{formatDate(erased, dateOnly ? 'UTC' : timeZone)}</time>)</span>;
}

export function When({ iso, timeZone }: { iso: string | null | undefined; timeZone: string }) {
  if (!iso) return <span className="muted">—</span>;
  return <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>;
}

export function ErrorBox({ error, children }: { error: Error | string | null | undefined; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      {typeof error === 'string' ? error : error.message}
      {children}
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return <p className="muted" role="status">{label}</p>;
}

/**
 * Text with marked stretches: text nodes and <mark> elements only, never HTML from the data.
 * `explain` picks the marks whose explanation must reach keyboard and touch too (a title only
 * shows on mouse hover): those marks hold a button that shows or hides the explanation after them.
 */
export function Highlighted({ text, spans, markClass, explain }: {
  text: string;
  spans: HighlightSpan[];
  markClass?: (marks: HighlightSpan[]) => string;
  explain?: (marks: HighlightSpan[]) => string | undefined;
}) {
  const id = useId();
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = (start: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(start)) next.add(start);
      return next;
    });
  return (
    <>
      {segments(text, spans).map((seg) => {
        if (seg.marks.length === 0) return <span key={seg.start}>{seg.text}</span>;
        const className = markClass ? markClass(seg.marks) : seg.marks.map((m) => `mark-${m.kind}`).join(' ');
        const title = seg.marks.map((m) => m.title).filter(Boolean).join(' · ') || undefined;
        const explanation = explain?.(seg.marks);
        if (!explanation) return <mark key={seg.start} className={className} title={title}>{seg.text}</mark>;
        const shown = open.has(seg.start);
        const noteId = `${id}-${seg.start}`;
        return (
          <Fragment key={seg.start}>
            <mark className={className} title={title}>
              <button type="button" className="mark-toggle" aria-expanded={shown} aria-controls={shown ? noteId : undefined} onClick={() => toggle(seg.start)}>
                {seg.text}
              </button>
            </mark>
            {shown && <span id={noteId} className="mark-note" role="note">{explanation}</span>}
          </Fragment>
        );
      })}
    </>
  );
}

/** A modal dialog: focus moves in, Escape cancels, focus returns to the opener. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('textarea, input, select, button:not(.dialog-close)');
    first?.focus();
    return () => opener?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Tab' && ref.current) {
            // An iframe (a page preview) is a stop too, so that its page can be scrolled from the keyboard.
            const focusable = [...ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], iframe')].filter((el) => !el.hasAttribute('disabled'));
            if (focusable.length === 0) return;
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (e.shiftKey && document.activeElement === first) {
              last.focus();
              e.preventDefault();
            } else if (!e.shiftKey && document.activeElement === last) {
              first.focus();
              e.preventDefault();
            }
          }
        }}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Runs an async action with a busy flag and an error message. */
export function useAction(): [boolean, Error | null, (run: () => Promise<unknown>) => Promise<boolean>, () => void] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return [busy, error, run, () => setError(null)];
}
