// What a person sees and may press, from the roles in their access token. The server stays the
// judge: these only decide what to show; a 403's detail is shown as it comes.

export type Role = 'factchecker' | 'reviewer' | 'editor' | 'admin';

export interface NavItem {
  path: string;
  label: string;
}

/** Navigation per role, in display order. */
export function navFor(roles: readonly string[]): NavItem[] {
  const has = (r: Role) => roles.includes(r);
  const items: NavItem[] = [{ path: '/queue', label: 'Queue' }];
  if (has('editor') || has('admin')) items.push({ path: '/board', label: 'Board' });
  if (has('reviewer')) items.push({ path: '/review', label: 'Review inbox' });
  if (has('editor')) items.push({ path: '/publishing', label: 'Publishing queue' });
  items.push({ path: '/published', label: 'Published' });
  if (has('editor') || has('factchecker')) items.push({ path: '/intake', label: 'Intake' });
  return items;
}

export interface ActionSpec {
  /** The path segment of POST /api/tickets/{id}/{action}. */
  action: string;
  label: string;
  /** Roles that may take it (mirror of TicketAction.java). */
  roles: Role[];
  /** Hard to undo: ask first. */
  confirm?: boolean;
  /** Needs a text: which field of TransitionRequest, and whether it is required. */
  text?: { field: 'reason' | 'comment'; label: string; required: boolean };
  /** Primary (highlighted) button. */
  primary?: boolean;
}

export const ACTIONS: ActionSpec[] = [
  { action: 'claim', label: 'Claim', roles: ['factchecker'], primary: true },
  { action: 'submit', label: 'Submit for review', roles: ['factchecker', 'editor'], primary: true },
  { action: 'approve', label: 'Approve', roles: ['reviewer'], primary: true },
  { action: 'request-changes', label: 'Request changes', roles: ['reviewer'],
    text: { field: 'comment', label: 'What needs to change', required: true } },
  { action: 'publish', label: 'Publish now', roles: ['editor'], confirm: true, primary: true },
  { action: 'cancel-schedule', label: 'Cancel schedule', roles: ['editor'] },
  { action: 'assign', label: 'Assign', roles: ['editor'] },
  { action: 'release', label: 'Release', roles: ['factchecker', 'editor'] },
  { action: 'correct', label: 'Start correction', roles: ['editor'] },
  { action: 'reopen', label: 'Reopen', roles: ['editor'] },
  { action: 'retract', label: 'Retract', roles: ['editor'], confirm: true,
    text: { field: 'reason', label: 'Reason for the retraction (public)', required: true } },
  { action: 'discard', label: 'Discard', roles: ['editor'], confirm: true,
    text: { field: 'reason', label: 'Reason for discarding', required: true } },
];

/**
 * The actions to show on a ticket: those the server lists as allowed for the caller now
 * ({@code allowedActions}) and that the person's roles permit, in display order. Unknown actions
 * from the server are ignored; without a list from the server, nothing is shown.
 */
export function visibleActions(allowed: readonly string[] | null | undefined, roles: readonly string[]): ActionSpec[] {
  if (!allowed) return [];
  return ACTIONS.filter((spec) => allowed.includes(spec.action) && spec.roles.some((r) => roles.includes(r)));
}

export const canClaimNext = (roles: readonly string[]) => roles.includes('factchecker');
export const isEditor = (roles: readonly string[]) => roles.includes('editor');
/** Intake accept is editor-only on the server (IntakeResource.accept). */
export const canAcceptCandidates = (roles: readonly string[]) => roles.includes('editor');
export const canPostArticles = (roles: readonly string[]) => roles.includes('editor') || roles.includes('factchecker');

/** The assignee or an editor may change a ticket's claim, evidence and verdict draft (TicketPolicy.workRefusal). */
export function canEditWork(roles: readonly string[], subject: string | null, assignee: string | null, status: string): boolean {
  if (status !== 'IN_PROGRESS') return false;
  return roles.includes('editor') || (roles.includes('factchecker') && subject != null && subject === assignee);
}

/** Fact-checkers discuss their own tickets; reviewers, editors and admins any ticket (TicketPolicy.commentRefusal). */
export function canComment(roles: readonly string[], subject: string | null, assignee: string | null): boolean {
  return roles.some((r) => r === 'reviewer' || r === 'editor' || r === 'admin') || (subject != null && subject === assignee);
}
