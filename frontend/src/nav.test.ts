import { describe, expect, it } from 'vitest';
import { NO_PERMISSIONS, navFor } from './nav';
import type { DeskPermissions } from './types';

const paths = (granted: Partial<DeskPermissions>) => navFor({ ...NO_PERMISSIONS, ...granted }).map((n) => n.path);

describe('navigation from the desk permissions', () => {
  it('always has the queue and the published list', () => {
    expect(paths({})).toEqual(['/queue', '/published']);
  });

  it('adds each screen for its permission, in display order', () => {
    expect(paths({ triage: true })).toEqual(['/queue', '/board', '/published']);
    expect(paths({ administer: true })).toEqual(['/queue', '/board', '/published']);
    expect(paths({ review: true })).toEqual(['/queue', '/review', '/published']);
    expect(paths({ publish: true })).toEqual(['/queue', '/publishing', '/published']);
    expect(paths({ postArticles: true })).toEqual(['/queue', '/published', '/intake']);
    expect(paths({ acceptCandidates: true })).toEqual(['/queue', '/published', '/intake']);
  });

  it('gives everything when everything is granted', () => {
    const all = Object.fromEntries(Object.keys(NO_PERMISSIONS).map((k) => [k, true]));
    expect(paths(all)).toEqual(['/queue', '/board', '/review', '/publishing', '/published', '/intake']);
  });

  it('does not add screens for permissions that have none of their own', () => {
    expect(paths({ claimNext: true, createClaims: true })).toEqual(['/queue', '/published']);
  });
});
