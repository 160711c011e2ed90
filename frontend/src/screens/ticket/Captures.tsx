// Preserved copies of evidence sources: the newest capture of each item, as the server reports it,
// under the item in the evidence panel.
import { useEffect, useId, useState } from 'react';
import { ErrorBox, useAction, When } from '../../components';
import { useDesk } from '../../desk';
import { useLiveRefetch } from '../../hooks/useLiveRefetch';
import { useLoad } from '../../hooks/useLoad';
import { formatDate } from '../../time';
import type { Capture, Evidence, SourceWatch } from '../../types';
import type { DiffPart } from './sourceDiff';

/** The ticket events after which a capture may read differently. */
export const CAPTURE_EVENTS: ReadonlySet<string> = new Set([
  'evidence.captured', 'evidence.capture-failed', 'evidence.capture-requested', 'source.changed', 'source.gone',
]);

/**
 * How often captures still under way are read again: a failed attempt that will be retried changes
 * the capture without an event, so nothing else would show it. The first attempt follows within seconds
 * (the server works its queue every 2 s); later ones are minutes apart.
 */
export const POLL_FIRST_ATTEMPT_MS = 2500;
export const POLL_RETRY_MS = 20000;

/**
 * The newest capture of each of the ticket's evidence items, by evidence id: read again when the items
 * change, on the capture events of the ticket's live feed, and every few seconds while one is under way.
 */
export function useCaptures(ticketId: number, items: Evidence[]) {
  const { api } = useDesk();
  // An item added, or its URL changed (a new capture): its version changes.
  const key = items.map((e) => `${e.id}.${e.version}`).join(',');
  const { data, error, reload } = useLoad(
    async () => ({ read: new Set(key.split(',')), items: key ? await api.captures(ticketId) : [] }),
    [api, ticketId, key],
  );
  useLiveRefetch((e) => e.ticketId === ticketId && CAPTURE_EVENTS.has(e.action), reload);
  const firstAttempt = data?.items.some((c) => c.state === 'PENDING' && c.attempts === 0) ?? false;
  const underWay = data?.items.some((c) => c.state === 'PENDING') ?? false;
  useEffect(() => {
    if (!underWay) return;
    const timer = setTimeout(reload, firstAttempt ? POLL_FIRST_ATTEMPT_MS : POLL_RETRY_MS);
    return () => clearTimeout(timer);
  }, [data, error, firstAttempt, underWay, reload]);
  const byEvidence = new Map<number, Capture>();
  for (const c of data?.items ?? []) if (c.evidenceId != null) byEvidence.set(c.evidenceId, c);
  /**
   * The item's newest capture, null when it has none; undefined while that is not known (the first
   * read, or a read since the item was added or changed).
   */
  const of = (e: Evidence): Capture | null | undefined =>
    byEvidence.get(e.id) ?? (data?.read.has(`${e.id}.${e.version}`) ? null : undefined);
  return { of, error, reload };
}

/** "sha256:1f2e3d4c5b6a…": enough to tell two copies apart at a glance; the full digest is copied whole. */
export const shortDigest = (digest: string) => (digest.length > 19 ? `${digest.slice(0, 19)}…` : digest);

/**
 * One evidence item's preserved copy: being made, made (with its links, digest and what it lacks),
 * failed or retrying, and what the link watch found since. "Capture again" for whoever may edit the
 * evidence now (`editable`, from the ticket's served permissions), unless a capture is under way.
 */
export function CaptureStatus({ ticketId, evidence, capture, editable, onRequested }: {
  ticketId: number;
  evidence: Evidence;
  /** Null: never captured; undefined: not known yet. */
  capture: Capture | null | undefined;
  editable: boolean;
  onRequested: () => void;
}) {
  const { api, timeZone } = useDesk();
  const [busy, error, run] = useAction();
  const request = () => void run(() => api.requestCapture(ticketId, evidence.id)).then((ok) => ok && onRequested());
  if (capture === undefined) return null;
  const again = editable && capture?.state !== 'PENDING';
  return (
    <div className="capture" role="group" aria-label={`Preserved copy of ${evidence.title}`}>
      <div aria-live="polite">
        <CaptureLine capture={capture} evidence={evidence} timeZone={timeZone} />
      </div>
      {capture?.watch && <Watch ticketId={ticketId} capture={capture} watch={capture.watch} timeZone={timeZone} />}
      {again && (
        <button type="button" className="small" disabled={busy} onClick={request} aria-label={`${capture ? 'Capture again' : 'Capture now'}: ${evidence.title}`}>
          {capture ? 'Capture again' : 'Capture now'}
        </button>
      )}
      <ErrorBox error={error} />
    </div>
  );
}

function CaptureLine({ capture, evidence, timeZone }: { capture: Capture | null; evidence: Evidence; timeZone: string }) {
  if (!capture) return <p className="capture-line muted">Not preserved.</p>;
  if (capture.state === 'PENDING') {
    return capture.error
      ? <p className="capture-line"><strong className="capture-state capture-retrying">Retrying after:</strong> {capture.error}</p>
      : <p className="capture-line"><strong className="capture-state capture-pending">Preserving…</strong></p>;
  }
  if (capture.state === 'FAILED') {
    return <p className="capture-line"><strong className="capture-state capture-failed">Capture failed:</strong> {capture.error ?? 'no reason given'}</p>;
  }
  return (
    <>
      <p className="capture-line">
        <strong className="capture-state capture-done">Preserved</strong> <When iso={capture.capturedAt} timeZone={timeZone} />
        {capture.viewUrl && (
          <>
            {' · '}
            <a href={capture.viewUrl} target="_blank" rel="noopener noreferrer" aria-label={`View preserved copy of ${evidence.title}`}>
              View preserved copy
            </a>
          </>
        )}
        {capture.warcUrl && (
          <>
            {' · '}
            <a href={capture.warcUrl} download aria-label={`WARC file of ${evidence.title}`}>WARC</a>
          </>
        )}
      </p>
      {capture.warcDigest && <Digest digest={capture.warcDigest} />}
      {capture.erasedAt && (
        <p className="capture-line muted small">The copy was erased on <When iso={capture.erasedAt} timeZone={timeZone} />; its digest stays in the audit trail.</p>
      )}
      <CaptureNotes capture={capture} />
    </>
  );
}

/** What a finished copy lacks or says about the page, in words. */
function CaptureNotes({ capture }: { capture: Capture }) {
  const notes: string[] = [];
  if (capture.truncated) notes.push('Truncated: the copy holds only part of the source (it reached the desk’s size or time limit).');
  if (capture.pageStatus != null && capture.pageStatus >= 400) notes.push(`The page answered with HTTP status ${capture.pageStatus}.`);
  if (capture.filesFailed > 0) {
    notes.push(`${capture.filesFailed} ${capture.filesFailed === 1 ? 'file' : 'files'} of the page (images, stylesheets) could not be saved.`);
  }
  if (capture.finalUrl && capture.finalUrl !== capture.url) notes.push(`Redirected to ${capture.finalUrl}.`);
  if (!notes.length) return null;
  return <ul className="capture-notes small">{notes.map((n) => <li key={n}>{n}</li>)}</ul>;
}

/** The WARC's SHA-256, shortened on screen (whole in its tooltip) and copied whole by its button. */
function Digest({ digest }: { digest: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopied('no');
      return;
    }
    clipboard.writeText(digest).then(() => setCopied('yes'), () => setCopied('no'));
  };
  return (
    <p className="capture-line small">
      SHA-256 of the WARC: <code title={digest}>{shortDigest(digest)}</code>{' '}
      <button type="button" className="small" onClick={copy} aria-label={`Copy digest ${digest}`}>Copy digest</button>
      <span role="status" className="muted">{copied === 'yes' ? ' Copied.' : copied === 'no' ? ` Copy it from here: ${digest}` : ''}</span>
    </p>
  );
}

/** What the link watch found since the source was published: changed (with its diff) or gone. */
function Watch({ ticketId, capture, watch, timeZone }: { ticketId: number; capture: Capture; watch: SourceWatch; timeZone: string }) {
  const since = watch.since ? ` since ${formatDate(watch.since, timeZone)}` : '';
  if (watch.state === 'GONE') {
    return (
      <p className="capture-line warning">
        Original no longer available{since}.{watch.detail && <span className="muted"> ({watch.detail})</span>}
      </p>
    );
  }
  if (watch.state !== 'CHANGED') return null;
  return (
    <div className="capture-line warning">
      Original changed{since}. <SourceChanges ticketId={ticketId} captureId={capture.id} />
    </div>
  );
}

/** "Show changes": the words of the preserved copy removed and added in the original now, loaded when opened. */
export function SourceChanges({ ticketId, captureId }: { ticketId: number; captureId: number }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button type="button" className="small" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide changes' : 'Show changes'}
      </button>
      {open && <ChangesView id={id} ticketId={ticketId} captureId={captureId} />}
    </>
  );
}

function ChangesView({ id, ticketId, captureId }: { id: string; ticketId: number; captureId: number }) {
  const { api, timeZone } = useDesk();
  const diff = useLoad(async () => {
    const [watch, { wordChanges }] = await Promise.all([api.captureWatch(ticketId, captureId), import('./sourceDiff')]);
    if (watch.capturedText == null || watch.currentText == null) return { watch, parts: undefined };
    return { watch, parts: wordChanges(watch.capturedText, watch.currentText) };
  }, [api, ticketId, captureId]);
  if (!diff.data) {
    return <div id={id}>{diff.error ? <ErrorBox error={diff.error} /> : <p role="status" className="muted">Comparing…</p>}</div>;
  }
  const { watch, parts } = diff.data;
  return (
    // Focusable: the box scrolls, and the keyboard must reach all of it.
    <div id={id} className="source-diff" role="region" aria-label="Changes to the original since its preserved copy" tabIndex={0}>
      <p className="muted small">
        The preserved copy of <When iso={watch.capturedAt} timeZone={timeZone} /> against the original as checked{' '}
        <When iso={watch.watch.checkedAt} timeZone={timeZone} />: removed words are struck through, added words underlined.
      </p>
      {parts === undefined && <p>One of the two texts is no longer kept, so they cannot be compared.</p>}
      {parts === null && <p>The texts differ too much to compare word by word.</p>}
      {parts && <DiffText parts={parts} />}
    </div>
  );
}

export function DiffText({ parts }: { parts: DiffPart[] }) {
  if (!parts.some((p) => p.kind === 'added' || p.kind === 'removed')) return <p>The texts are the same.</p>;
  return (
    <p className="diff-text">
      {parts.map((p, i) => {
        if (p.kind === 'added') return <ins key={i}><span className="visually-hidden">[added: </span>{p.text}<span className="visually-hidden">]</span></ins>;
        if (p.kind === 'removed') return <del key={i}><span className="visually-hidden">[removed: </span>{p.text}<span className="visually-hidden">]</span></del>;
        if (p.kind === 'skipped') return <span key={i} className="muted" title={`${p.text.length} unchanged characters left out`}> […] </span>;
        return <span key={i}>{p.text}</span>;
      })}
    </p>
  );
}
