import { describe, expect, it } from 'vitest';
import { scrollTopToCentre } from './SourceArticle';

describe('scrollTopToCentre', () => {
  it('puts the middle of the mark in the middle of the box', () => {
    expect(scrollTopToCentre(900, 40, 300)).toBe(770);
  });
  it('never scrolls above the top for a mark near the start', () => {
    expect(scrollTopToCentre(20, 20, 300)).toBe(0);
    expect(scrollTopToCentre(0, 0, 0)).toBe(0);
  });
  it('shows the start of a mark taller than the box', () => {
    expect(scrollTopToCentre(500, 400, 300)).toBe(500);
    expect(scrollTopToCentre(500, 300, 300)).toBe(500);
  });
  it('rounds to whole pixels', () => {
    expect(scrollTopToCentre(101, 21, 100)).toBe(62);
  });
});
