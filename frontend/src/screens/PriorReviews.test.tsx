import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../nav';
import { fakeDesk, json } from '../testing/fakeDesk';
import { PriorReviewsScreen } from './PriorReviews';

const review = (id: number, claimText: string) => ({
  id, reviewUrl: `https://checker.example/${id}`, claimText, claimant: 'A mayor', claimDate: null, appearanceUrl: null,
  publisher: 'Checker', publisherUrl: null, rating: 'False', ratingValue: null, bestRating: null, worstRating: null,
  reviewedAt: '2026-05-01T10:00:00Z', reviewedAtOffset: null, language: 'en', source: 'upload', importedAt: '2026-05-02T10:00:00Z', importedBy: 'x',
});

function setup(importPriorReviews: boolean) {
  const fake = fakeDesk((method, url) => {
    if (method === 'GET' && url.startsWith('/api/prior-reviews?')) {
      const q = new URLSearchParams(url.split('?')[1]).get('q');
      const items = q ? [review(2, '<b>Bridges</b> collapsed')] : [review(1, 'Taxes doubled'), review(2, '<b>Bridges</b> collapsed')];
      return json({ items, total: items.length, totalExact: true, page: 0, size: 25, next: null });
    }
    if (method === 'POST' && url === '/api/prior-reviews/import-url') {
      return json({ source: 'https://checker.example/feed', received: 3, imported: 2, updated: 0,
        errors: [{ index: 2, reference: null, detail: 'reviewRating is missing.' }], warnings: [] });
    }
    if (method === 'POST' && url.startsWith('/api/prior-reviews/import')) {
      return json({ title: 'Bad Request', detail: 'No ClaimReview found in the document.' }, 400, 'application/problem+json');
    }
    return undefined;
  }, { permissions: { ...NO_PERMISSIONS, importPriorReviews } });
  render(<PriorReviewsScreen />, { wrapper: fake.wrapper });
  return fake;
}

afterEach(cleanup);

describe('PriorReviewsScreen', () => {
  it('lists imported reviews as text and searches them; no import without the permission', async () => {
    const fake = setup(false);
    await screen.findByText('“Taxes doubled”');
    expect(screen.getByText('“<b>Bridges</b> collapsed”')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Import' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Search claims, claimants, publishers'), { target: { value: 'bridges' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.queryByText('“Taxes doubled”')).toBeNull());
    expect(fake.requests()).toContain('GET /api/prior-reviews?page=0&size=25&q=bridges');
  });

  it('imports from a URL and says how many were imported and which were refused', async () => {
    const fake = setup(true);
    await screen.findByText('“Taxes doubled”');
    fireEvent.change(screen.getByLabelText('Page or feed URL'), { target: { value: 'https://checker.example/feed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import from URL' }));
    const outcome = await screen.findByText(/3 received, 2 imported, 0 updated, 1 refused/);
    expect(outcome.closest('[aria-live]')).toBeTruthy();
    expect(screen.getByText('Item 3: reviewRating is missing.')).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/prior-reviews/import-url', body: { url: 'https://checker.example/feed' } }]);
  });

  it('uploads a pasted HTML page as HTML with its base URL and shows the server\u2019s refusal', async () => {
    const fake = setup(true);
    await screen.findByText('“Taxes doubled”');
    const form = screen.getByRole('form', { name: 'Import a document' });
    fireEvent.change(within(form).getByLabelText('Or paste the document'), { target: { value: '<html>no markup</html>' } });
    fireEvent.click(within(form).getByLabelText('It is an HTML page carrying JSON-LD'));
    fireEvent.change(within(form).getByLabelText(/Where it was published/), { target: { value: 'https://checker.example/a' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Import document' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No ClaimReview found in the document.');
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/prior-reviews/import?baseUrl=https%3A%2F%2Fchecker.example%2Fa', body: '<html>no markup</html>' }]);
    expect(fake.headersOf('/api/prior-reviews/import?baseUrl=https%3A%2F%2Fchecker.example%2Fa')['Content-Type']).toBe('text/html');
  });
});
