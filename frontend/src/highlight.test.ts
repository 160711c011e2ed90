import { describe, expect, it } from 'vitest';
import { segments, snapToCodePoint } from './highlight';

const marked = (text: string, spans: Parameters<typeof segments>[1]) =>
  segments(text, spans).map((s) => [s.text, s.marks.map((m) => m.kind).join('+')]);

describe('segments', () => {
  it('marks a span and leaves the rest as plain text', () => {
    expect(marked('The mayor said 40% more.', [{ start: 4, end: 9, kind: 'claim' }])).toEqual([
      ['The ', ''],
      ['mayor', 'claim'],
      [' said 40% more.', ''],
    ]);
  });

  it('splits overlapping spans so that the overlap carries both marks', () => {
    expect(marked('abcdefghij', [{ start: 2, end: 6, kind: 'a' }, { start: 4, end: 8, kind: 'b' }])).toEqual([
      ['ab', ''],
      ['cd', 'a'],
      ['ef', 'a+b'],
      ['gh', 'b'],
      ['ij', ''],
    ]);
  });

  it('handles a span nested in another', () => {
    expect(marked('abcdef', [{ start: 0, end: 6, kind: 'sentence' }, { start: 2, end: 3, kind: 'signal' }])).toEqual([
      ['ab', 'sentence'],
      ['c', 'sentence+signal'],
      ['def', 'sentence'],
    ]);
  });

  it('clips spans running past the text and drops empty, reversed, negative-only and non-integer ones', () => {
    expect(marked('hello', [
      { start: 3, end: 99, kind: 'x' },
      { start: 2, end: 2, kind: 'empty' },
      { start: 4, end: 1, kind: 'reversed' },
      { start: -5, end: -1, kind: 'before' },
      { start: 10, end: 20, kind: 'after' },
      { start: 0.5, end: 2, kind: 'fraction' },
    ])).toEqual([
      ['hel', ''],
      ['lo', 'x'],
    ]);
  });

  it('keeps the whole text, in order, whatever the spans', () => {
    const text = 'Un día 🇪🇸 «dijo» algo — 😀 fin.';
    const parts = segments(text, [{ start: 3, end: 12, kind: 'a' }, { start: 8, end: 20, kind: 'b' }, { start: 0, end: 1, kind: 'c' }]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('never cuts an emoji (UTF-16 surrogate pair) in half', () => {
    const text = 'A 😀 B';
    // '😀' occupies offsets 2 and 3; offsets 3 is inside the pair.
    expect(marked(text, [{ start: 3, end: 4, kind: 'x' }])).toEqual([
      ['A ', ''],
      ['😀', 'x'],
      [' B', ''],
    ]);
    expect(marked(text, [{ start: 0, end: 3, kind: 'y' }])).toEqual([
      ['A 😀', 'y'],
      [' B', ''],
    ]);
  });

  it('uses UTF-16 offsets as the server does: text after an emoji is found where Java says', () => {
    const text = '😀😀 claim here';
    const start = text.indexOf('claim'); // 5 in UTF-16 (two pairs + a space)
    expect(start).toBe(5);
    expect(marked(text, [{ start, end: start + 5, kind: 'claim' }])[1]).toEqual(['claim', 'claim']);
  });

  it('returns the plain text when there are no spans, and nothing for an empty text', () => {
    expect(marked('plain', [])).toEqual([['plain', '']]);
    expect(segments('', [{ start: 0, end: 3, kind: 'x' }])).toEqual([]);
  });
});

describe('snapToCodePoint', () => {
  it('moves an offset inside a pair back or forward and leaves others alone', () => {
    expect(snapToCodePoint('a😀b', 2, 'back')).toBe(1);
    expect(snapToCodePoint('a😀b', 2, 'forward')).toBe(3);
    expect(snapToCodePoint('a😀b', 1, 'back')).toBe(1);
    expect(snapToCodePoint('abc', 1, 'forward')).toBe(1);
  });
});
