import { afterEach, describe, expect, it } from 'vitest';
import { changeView, parseHash, parseView, serializeView, type View } from './router';

describe('views kept in the URL', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('parses a hash query into a view and writes it back unchanged', () => {
    const route = parseHash('#/queue?status=OPEN&status=IN_REVIEW&topic=health&q=50%25+rise&page=2');
    expect(route.name).toBe('queue');
    const view = parseView(route.query);
    expect(view).toEqual({ status: ['OPEN', 'IN_REVIEW'], topic: 'health', q: '50% rise', page: '2' });
    const text = serializeView(view);
    expect(text).toBe('?page=2&q=50%25+rise&status=OPEN&status=IN_REVIEW&topic=health');
    expect(parseView(parseHash(`#/queue${text}`).query)).toEqual(view);
  });

  it('round-trips any view, leaving out empty values, with a stable order', () => {
    const views: View[] = [
      {},
      { status: ['APPROVED'] },
      { assignee: 'sub-1', overdue: 'true', changesRequested: 'false', priority: 'URGENT', sort: '-created' },
      { q: 'a&b=c#d?e', language: 'de', topic: 'Ümläut & co' },
    ];
    for (const view of views) {
      expect(parseView(new URLSearchParams(serializeView(view).slice(1)))).toEqual(view);
    }
    expect(serializeView({ topic: '  ', q: undefined, status: [] })).toBe('');
    expect(serializeView({ b: '2', a: '1' })).toBe(serializeView({ a: '1', b: '2' }));
  });

  it('names the search screen with its query', () => {
    const route = parseHash('#/search?q=%2342&kind=TICKET');
    expect(route.name).toBe('search');
    expect(parseView(route.query, [])).toEqual({ q: '#42', kind: 'TICKET' });
  });

  it('a filter change pushes a history entry and starts again at the first page', () => {
    window.location.hash = '#/queue?page=3&topic=health';
    const before = window.history.length;
    const view = parseView(parseHash(window.location.hash).query);
    changeView('/queue', view, { priority: 'HIGH' });
    expect(window.location.hash).toBe('#/queue?priority=HIGH&topic=health');
    expect(window.history.length).toBe(before + 1);
    changeView('/queue', parseView(parseHash(window.location.hash).query), { page: '1' });
    expect(window.location.hash).toBe('#/queue?page=1&priority=HIGH&topic=health');
    expect(window.history.length).toBe(before + 2);
    // The same view again adds no entry.
    changeView('/queue', parseView(parseHash(window.location.hash).query), { page: '1' });
    expect(window.history.length).toBe(before + 2);
  });
});
