import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDesk, json } from '../testing/fakeDesk';
import { IntakeScreen } from './Intake';

describe('the article list of intake', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('asks the server with the words and language of the URL, and puts new ones into the URL', async () => {
    window.location.hash = '#/intake?q=budget&language=de';
    const fake = fakeDesk((_method, url) => url.startsWith('/api/articles?') ? json({
      items: [{ id: 3, url: 'https://news.example/a', title: 'Budget <b>news</b>', outlet: 'Daily', author: null, publishedAt: null,
        language: 'de', createdAt: '2026-01-01T10:00:00Z', createdBy: 'x', updatedAt: '2026-01-01T10:00:00Z', version: 0 }],
      total: 1, totalExact: true, page: 0, size: 20, next: null,
    }) : undefined);
    render(<IntakeScreen />, { wrapper: fake.wrapper });
    await screen.findByText('Budget <b>news</b>');
    expect(fake.requests()).toEqual(['GET /api/articles?page=0&size=20&q=budget&language=de']);
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'rent' } });
    fireEvent.submit(screen.getByRole('search', { name: 'Filter articles' }));
    expect(window.location.hash).toBe('#/intake?language=de&q=rent');
    await waitFor(() => expect(fake.requests()).toContain('GET /api/articles?page=0&size=20&q=rent&language=de'));
  });
});
