import { describe, expect, it } from 'vitest';
import { canComment, canEditWork, navFor, visibleActions } from './roles';

const labels = (allowed: string[] | null, roles: string[]) => visibleActions(allowed, roles).map((a) => a.label);

describe('visible actions', () => {
  it('shows a fact-checker "Claim" on an open ticket', () => {
    expect(labels(['claim'], ['factchecker'])).toEqual(['Claim']);
  });

  it('hides actions the roles do not allow even if listed', () => {
    expect(labels(['claim', 'publish'], ['reviewer'])).toEqual([]);
  });

  it('shows a reviewer approve and request changes on a ticket in review', () => {
    expect(labels(['request-changes', 'approve'], ['reviewer'])).toEqual(['Approve', 'Request changes']);
  });

  it('shows an editor the publishing actions in a stable order, hard ones last and confirmed', () => {
    const actions = visibleActions(['discard', 'cancel-schedule', 'publish'], ['editor']);
    expect(actions.map((a) => a.label)).toEqual(['Publish now', 'Cancel schedule', 'Discard']);
    expect(actions.filter((a) => a.confirm).map((a) => a.action)).toEqual(['publish', 'discard']);
    expect(actions.find((a) => a.action === 'discard')?.text).toMatchObject({ field: 'reason', required: true });
  });

  it('shows submit to a fact-checker assignee', () => {
    expect(labels(['release', 'submit'], ['factchecker'])).toEqual(['Submit for review', 'Release']);
  });

  it('shows nothing without a list from the server and ignores unknown actions', () => {
    expect(labels(null, ['editor'])).toEqual([]);
    expect(labels(['teleport'], ['editor', 'admin'])).toEqual([]);
  });
});

describe('navigation per role', () => {
  const paths = (roles: string[]) => navFor(roles).map((n) => n.path);
  it('gives each role its screens', () => {
    expect(paths(['factchecker'])).toEqual(['/queue', '/published', '/intake']);
    expect(paths(['reviewer'])).toEqual(['/queue', '/review', '/published']);
    expect(paths(['editor'])).toEqual(['/queue', '/board', '/publishing', '/published', '/intake']);
    expect(paths(['editor', 'reviewer'])).toContain('/review');
  });
});

describe('work and comments', () => {
  it('lets the assignee or an editor edit work in progress only', () => {
    expect(canEditWork(['factchecker'], 'a', 'a', 'IN_PROGRESS')).toBe(true);
    expect(canEditWork(['factchecker'], 'a', 'b', 'IN_PROGRESS')).toBe(false);
    expect(canEditWork(['editor'], 'e', 'b', 'IN_PROGRESS')).toBe(true);
    expect(canEditWork(['factchecker'], 'a', 'a', 'IN_REVIEW')).toBe(false);
  });

  it('lets fact-checkers comment on their own tickets only', () => {
    expect(canComment(['factchecker'], 'a', 'b')).toBe(false);
    expect(canComment(['factchecker'], 'a', 'a')).toBe(true);
    expect(canComment(['reviewer'], 'r', null)).toBe(true);
  });
});
