// Small pieces the ticket panels share.
import { ApiError } from '../../api';

/** An enum value as words: SOCIAL_MEDIA → "Social media". */
export const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

/** Shown while an edit is open and someone else saved meanwhile. */
export function ConflictNote({ show, onReload }: { show: boolean; onReload: () => void }) {
  if (!show) return null;
  return (
    <div className="warning" role="status">
      Someone else changed this since you started editing. Your text is kept; saving now would be refused.{' '}
      <button type="button" onClick={onReload}>Discard my edits and reload</button>
    </div>
  );
}

/** Inside the error box of a refused save: after a stale-version 409, a way to drop the edit and reload. */
export function StaleReload({ error, onReload }: { error: Error | null; onReload: () => void }) {
  if (!(error instanceof ApiError && error.stale)) return null;
  return <> <button type="button" onClick={onReload}>Reload (discard my edits)</button></>;
}

/**
 * What changed in a panel's part since the reviewer sent the ticket back (undefined: it never was
 * in this round), so a reviewer reads the new round without comparing by memory.
 */
export function ChangedSinceRequest({ items }: { items: string[] | undefined }) {
  if (!items) return null;
  return (
    <div className="changed-since">
      <h3>Changed since changes were requested</h3>
      {items.length ? <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul> : <p className="muted">Nothing here changed.</p>}
    </div>
  );
}
