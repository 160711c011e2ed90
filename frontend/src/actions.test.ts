import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsToShow, asksFirst } from './actions';

const labels = (permitted: string[]) => actionsToShow(permitted).map((a) => a.label);

describe('actions to show', () => {
  it('shows exactly the actions the server permits, whatever they are', () => {
    expect(labels(['claim'])).toEqual(['Claim']);
    expect(labels(['release', 'submit'])).toEqual(['Submit for review', 'Release']);
    expect(labels([])).toEqual([]);
  });

  it('shows every known action when the server permits it (no role filter left in the app)', () => {
    const all = ACTIONS.map((a) => a.action);
    expect(actionsToShow(all).map((a) => a.action)).toEqual(all);
  });

  it('keeps a stable display order, hard ones last and confirmed', () => {
    const actions = actionsToShow(['discard', 'cancel-schedule', 'publish']);
    expect(actions.map((a) => a.label)).toEqual(['Publish now', 'Cancel schedule', 'Discard']);
    expect(actions.filter((a) => a.confirm).map((a) => a.action)).toEqual(['publish', 'discard']);
    expect(actions.find((a) => a.action === 'discard')?.text).toMatchObject({ field: 'reason', required: true });
  });

  it('asks before approving', () => {
    const [approve] = actionsToShow(['approve']);
    expect(asksFirst(approve)).toBe(true);
    expect(approve.confirm).toBe(true);
  });

  it('asks for a reason to withdraw an approval', () => {
    const [withdraw] = actionsToShow(['withdraw-approval']);
    expect(withdraw.label).toBe('Withdraw approval');
    expect(withdraw.text).toMatchObject({ field: 'reason', required: true });
  });

  it('leaves out actions this app does not know', () => {
    expect(labels(['teleport', 'approve'])).toEqual(['Approve']);
  });

  it('holds presentation only: no roles on the action metadata', () => {
    for (const spec of ACTIONS) expect(Object.keys(spec)).not.toContain('roles');
  });
});
