import { useState } from 'react';

export interface Draft<T> {
  /** The person's edit, or the server's data while untouched. */
  value: T;
  dirty: boolean;
  /** The server version the edit started from: sent back so a stale save is refused. */
  baseVersion: number | undefined;
  /** Edited, and the server's version moved on since (someone else saved). */
  changedElsewhere: boolean;
  update: (patch: Partial<T>) => void;
  /** After a save or "reload": follow the server again. */
  reset: () => void;
}

/**
 * Local edits of server data: follows the server while untouched; once edited, keeps the person's
 * text and says when the server's version moved on (someone else saved).
 */
export function useDraft<T>(server: T, version: number | undefined): Draft<T> {
  // null while untouched: the draft is then the server's data itself, so nothing needs syncing.
  const [edit, setEdit] = useState<{ value: T; baseVersion: number | undefined } | null>(null);
  const dirty = edit !== null;
  const baseVersion = edit ? edit.baseVersion : version;
  return {
    value: edit ? edit.value : server,
    dirty,
    baseVersion,
    changedElsewhere: dirty && version !== baseVersion,
    update: (patch) =>
      setEdit((e) => (e ? { ...e, value: { ...e.value, ...patch } } : { value: { ...server, ...patch }, baseVersion: version })),
    reset: () => setEdit(null),
  };
}
