// A word diff of a preserved source's text against the original's text now (jsdiff's diffWords),
// loaded only when someone opens "Show changes". Long unchanged stretches are cut down to their ends,
// so the changes of a long page read without scrolling through all of it.
import { diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed' | 'skipped';
  text: string;
}

/** How long the comparison may take before it gives up (texts of up to 200,000 characters each). */
const TIMEOUT_MS = 1500;

/**
 * The words removed from `before` and added in `after`, with the unchanged text between them; an
 * unchanged stretch longer than twice `context` characters keeps only `context` characters at each
 * end that touches a change. Null when the texts differ too much to compare in time.
 */
export function wordChanges(before: string, after: string, context = 160): DiffPart[] | null {
  const changes = diffWords(before, after, { timeout: TIMEOUT_MS });
  if (!changes) return null;
  const parts: DiffPart[] = [];
  changes.forEach((change, i) => {
    if (change.added) parts.push({ kind: 'added', text: change.value });
    else if (change.removed) parts.push({ kind: 'removed', text: change.value });
    else parts.push(...shortened(change.value, i > 0, i < changes.length - 1, context));
  });
  return parts;
}

/** An unchanged stretch, cut to the ends that border a change (`afterChange`, `beforeChange`). */
function shortened(text: string, afterChange: boolean, beforeChange: boolean, context: number): DiffPart[] {
  const keep = (afterChange ? context : 0) + (beforeChange ? context : 0);
  if (text.length <= keep + context) return [{ kind: 'same', text }];
  const start = afterChange ? wordEnd(text, context) : 0;
  const end = beforeChange ? wordStart(text, text.length - context) : text.length;
  // A stretch without spaces (a long URL) has no boundary to cut at: kept whole.
  if (end - start < context) return [{ kind: 'same', text }];
  const parts: DiffPart[] = [];
  if (start > 0) parts.push({ kind: 'same', text: text.slice(0, start) });
  parts.push({ kind: 'skipped', text: text.slice(start, end) });
  if (end < text.length) parts.push({ kind: 'same', text: text.slice(end) });
  return parts;
}

/** The first word boundary at or after `at`. */
function wordEnd(text: string, at: number): number {
  const next = text.slice(at).search(/\s/);
  return next < 0 ? text.length : at + next;
}

/** The last word boundary at or before `at`. */
function wordStart(text: string, at: number): number {
  const previous = text.slice(0, at).search(/\s\S*$/);
  return previous < 0 ? 0 : previous + 1;
}
