import { describe, expect, it } from 'vitest';
import { formatSeconds, formatShare, toCsv } from './figures';

describe('formatSeconds', () => {
  it('says a length in the units people read', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(0.25)).toBe('250 ms');
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(12 * 60)).toBe('12 min');
    expect(formatSeconds(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(formatSeconds(2 * 3600)).toBe('2 h');
    expect(formatSeconds(2 * 86400 + 4 * 3600)).toBe('2 d 4 h');
  });
  it('says a share as a percentage', () => {
    expect(formatShare(0.125)).toBe('12.5 %');
    expect(formatShare(null)).toBe('—');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    const csv = toCsv(['key', 'count'], [{ key: 'health, "vaccines"', count: 3 }, { key: '=HYPERLINK("x")', count: 1 }, { key: null, count: 0 }]);
    expect(csv).toBe('key,count\r\n"health, ""vaccines""",3\r\n"\'=HYPERLINK(""x"")",1\r\n,0\r\n');
  });
});
