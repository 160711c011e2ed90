// Turns offset ranges into plain text segments, each with the marks that cover it, so that a
// component renders text nodes and <mark> elements — never HTML from the data.

export interface HighlightSpan {
  /** UTF-16 offset, inclusive. */
  start: number;
  /** UTF-16 offset, exclusive. */
  end: number;
  /** A class-like name: what the mark means (e.g. "claim", "signal"). */
  kind: string;
  /** Optional text for a tooltip / screen readers. */
  title?: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The spans covering this segment, in input order; empty for plain text. */
  marks: HighlightSpan[];
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset that falls between the two halves of a surrogate pair to the pair's start (or end). */
export function snapToCodePoint(text: string, offset: number, direction: 'back' | 'forward'): number {
  if (offset <= 0 || offset >= text.length) return offset;
  if (isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1))) {
    return direction === 'back' ? offset - 1 : offset + 1;
  }
  return offset;
}

/**
 * Splits {@code text} at every span boundary. Spans outside the text are clipped, empty or
 * reversed ones dropped, non-integer offsets ignored; overlapping spans both apply to the overlap.
 * Offsets inside a surrogate pair widen the span to the whole character (an emoji is never cut).
 */
export function segments(text: string, spans: HighlightSpan[]): Segment[] {
  const valid: HighlightSpan[] = [];
  for (const span of spans) {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) continue;
    const start = snapToCodePoint(text, Math.max(0, Math.min(span.start, text.length)), 'back');
    const end = snapToCodePoint(text, Math.max(0, Math.min(span.end, text.length)), 'forward');
    if (end <= start) continue;
    valid.push({ ...span, start, end });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const marks = valid.filter((span) => span.start <= start && span.end >= end);
    const last = result[result.length - 1];
    // Merge neighbours with the same marks (keeps the DOM small).
    if (last && sameMarks(last.marks, marks)) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      result.push({ start, end, text: text.slice(start, end), marks });
    }
  }
  return result;
}

function sameMarks(a: HighlightSpan[], b: HighlightSpan[]): boolean {
  return a.length === b.length && a.every((span, i) => span === b[i]);
}
