import { useState } from 'react';

export interface Draft<T> {
  /** The person's edit, or the server's data while untouched. */
  value: T;
  dirty: boolean;
  /** The server version the edit started from (or was last saved as): sent back so a stale save is refused. */
  baseVersion: number | undefined;
  /** Edited, and the server's version moved on since (someone else saved). */
  changedElsewhere: boolean;
  update: (patch: Partial<T>) => void;
  /**
   * This value was saved as this version: the draft is clean again (unless edited since), and
   * shows what was saved until the server's data has caught up, rather than the older text.
   */
  saved: (value: T, version: number) => void;
  /** After "reload": follow the server again. */
  reset: () => void;
}

interface Edit<T> {
  value: T;
  baseVersion: number | undefined;
  /** Saved as baseVersion and not edited since. */
  clean: boolean;
}

/** Versions only grow; a newer one than the edit's base means someone else saved. */
const newer = (version: number | undefined, base: number | undefined) =>
  version !== undefined && base !== undefined ? version > base : version !== base;

/**
 * Local edits of server data: follows the server while untouched; once edited, keeps the person's
 * text and says when the server's version moved on (someone else saved).
 */
export function useDraft<T>(server: T, version: number | undefined): Draft<T> {
  // null while untouched: the draft is then the server's data itself, so nothing needs syncing.
  const [edit, setEdit] = useState<Edit<T> | null>(null);
  // A saved edit gives way to the server once the server shows that save (or a later one).
  const following = edit === null || (edit.clean && !newer(edit.baseVersion, version));
  const dirty = edit !== null && !edit.clean;
  const baseVersion = following ? version : edit.baseVersion;
  return {
    value: following ? server : edit.value,
    dirty,
    baseVersion,
    changedElsewhere: dirty && newer(version, baseVersion),
    update: (patch) =>
      setEdit((e) => (e && !following
        ? { ...e, value: { ...e.value, ...patch }, clean: false }
        : { value: { ...server, ...patch }, baseVersion: version, clean: false })),
    saved: (value, savedVersion) =>
      setEdit((e) => (e ? { value: e.value, baseVersion: savedVersion, clean: e.value === value } : e)),
    reset: () => setEdit(null),
  };
}
