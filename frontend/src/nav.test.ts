import { describe, expect, it } from 'vitest';
import { NO_PERMISSIONS, navFor } from './nav';
import type { DeskPermissions } from './types';

const paths = (granted: Partial<DeskPermissions>) => navFor({ ...NO_PERMISSIONS, ...granted }).map((n) => n.path);

describe('navigation from the desk permissions', () => {
  it('always has the queue, the tips, the published list, prior reviews and the dashboard', () => {
    expect(paths({})).toEqual(['/queue', '/tips', '/published', '/prior-reviews', '/dashboard']);
  });

  it('adds each screen for its permission, in display order', () => {
    expect(paths({ triage: true })).toEqual(['/queue', '/board', '/tips', '/published', '/prior-reviews', '/dashboard']);
    expect(paths({ administer: true })).toEqual(['/queue', '/board', '/tips', '/published', '/prior-reviews', '/dashboard', '/admin']);
    expect(paths({ review: true })).toEqual(['/queue', '/review', '/tips', '/published', '/prior-reviews', '/dashboard']);
    expect(paths({ publish: true })).toEqual(['/queue', '/publishing', '/tips', '/published', '/prior-reviews', '/dashboard']);
    expect(paths({ postArticles: true })).toEqual(['/queue', '/tips', '/published', '/intake', '/prior-reviews', '/dashboard']);
    expect(paths({ acceptCandidates: true })).toEqual(['/queue', '/tips', '/published', '/intake', '/prior-reviews', '/dashboard']);
  });

  it('gives everything when everything is granted', () => {
    const all = Object.fromEntries(Object.keys(NO_PERMISSIONS).map((k) => [k, true]));
    expect(paths(all)).toEqual(['/queue', '/board', '/review', '/publishing', '/tips', '/published', '/intake', '/prior-reviews', '/dashboard', '/admin']);
  });

  it('does not add screens for permissions that have none of their own', () => {
    expect(paths({ claimNext: true, createClaims: true, markDuplicates: true, importPriorReviews: true, handleTips: true, deskFigures: true }))
      .toEqual(['/queue', '/tips', '/published', '/prior-reviews', '/dashboard']);
  });
});
