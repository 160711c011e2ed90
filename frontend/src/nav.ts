// The main navigation, from the desk permissions the server grants (GET /api/me).
import type { DeskPermissions } from './types';

export interface NavItem {
  path: string;
  label: string;
}

/** Nothing granted: what the app assumes until /api/me has answered. */
export const NO_PERMISSIONS: DeskPermissions = {
  claimNext: false, createClaims: false, postArticles: false, acceptCandidates: false,
  triage: false, review: false, publish: false, administer: false, markDuplicates: false, importPriorReviews: false,
  handleTips: false, deskFigures: false,
};

/** The screens a person can use, in display order. Queue, Tips, Published and Prior reviews are for everyone. */
export function navFor(permissions: DeskPermissions): NavItem[] {
  const items: NavItem[] = [{ path: '/queue', label: 'Queue' }];
  if (permissions.triage || permissions.administer) items.push({ path: '/board', label: 'Board' });
  if (permissions.review) items.push({ path: '/review', label: 'Review inbox' });
  if (permissions.publish) items.push({ path: '/publishing', label: 'Publishing queue' });
  // Every desk role reads the public's tips; editors (handleTips) act on them there.
  items.push({ path: '/tips', label: 'Tips' });
  items.push({ path: '/published', label: 'Published' });
  if (permissions.postArticles || permissions.acceptCandidates) items.push({ path: '/intake', label: 'Intake' });
  items.push({ path: '/prior-reviews', label: 'Prior reviews' });
  // Everyone has figures: editors and admins the desk's (deskFigures), the others their own.
  items.push({ path: '/dashboard', label: 'Dashboard' });
  if (permissions.administer) items.push({ path: '/admin', label: 'Admin' });
  return items;
}
