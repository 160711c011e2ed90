import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../router';
import { fakeDesk, json } from '../testing/fakeDesk';
import { SearchScreen, isSearchable } from './Search';

describe('search', () => {
  afterEach(cleanup);

  it('shows each hit as text with what it is and links it to its ticket or article', async () => {
    const fake = fakeDesk((_method, url) => url.startsWith('/api/search?') ? json({
      items: [
        { kind: 'CLAIM', id: 5, ticketId: 50, status: 'OPEN', title: '<img src=x onerror=alert(1)> tax', snippet: 'A senator', at: '2026-01-01T00:00:00Z' },
        { kind: 'ARTICLE', id: 7, ticketId: null, status: null, title: 'Tax news', snippet: null, at: '2026-01-01T00:00:00Z' },
        { kind: 'PRIOR_REVIEW', id: 9, ticketId: null, status: null, title: 'Tax bridge', snippet: 'Checker', at: '2026-01-01T00:00:00Z' },
      ], total: 3, totalExact: true, page: 0, size: 25, next: null,
    }) : undefined);
    render(<SearchScreen route={parseHash('#/search?q=tax&kind=')} />, { wrapper: fake.wrapper });
    const claim = await screen.findByText('<img src=x onerror=alert(1)> tax');
    expect(document.querySelector('img')).toBeNull();
    expect(claim.getAttribute('href')).toBe('#/tickets/50');
    expect(screen.getByText('Tax news').getAttribute('href')).toBe('#/intake/7');
    expect(screen.getByText('Tax bridge').tagName).toBe('SPAN');
    expect(screen.getByText('Claim of ticket #50')).toBeTruthy();
    expect(fake.requests()).toEqual(['GET /api/search?q=tax&page=0&size=25']);
  });

  it('does not ask the server for what it would refuse', () => {
    expect(isSearchable('ab')).toBe(false);
    expect(isSearchable(' #4 ')).toBe(true);
    expect(isSearchable('tax')).toBe(true);
    const fake = fakeDesk(() => undefined);
    render(<SearchScreen route={parseHash('#/search?q=ab')} />, { wrapper: fake.wrapper });
    expect(screen.getByText(/at least 3 characters/)).toBeTruthy();
    expect(fake.requests()).toEqual([]);
  });
});
