import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDocumentTitle } from './useDocumentTitle';

describe('useDocumentTitle', () => {
  it('names the screen once known and gives the app\'s name back when it goes', () => {
    document.title = 'Factdesk';
    const { rerender, unmount } = renderHook(({ title }: { title: string | null }) => useDocumentTitle(title), { initialProps: { title: null as string | null } });
    expect(document.title).toBe('Factdesk');
    rerender({ title: '#12' });
    expect(document.title).toBe('#12 · Factdesk');
    unmount();
    expect(document.title).toBe('Factdesk');
  });
});
