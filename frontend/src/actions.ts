// How the ticket actions look: label, confirmation, text field, emphasis. Presentation only:
// which actions a person may take comes from the server (ticket.permissions.actions).

export interface ActionSpec {
  /** The path segment of POST /api/tickets/{id}/{action}. */
  action: string;
  label: string;
  /** Hard to undo: ask first. */
  confirm?: boolean;
  /** Needs a text: which field of TransitionRequest, and whether it is required. */
  text?: { field: 'reason' | 'comment'; label: string; required: boolean };
  /** Primary (highlighted) button. */
  primary?: boolean;
}

/** In display order. */
export const ACTIONS: ActionSpec[] = [
  { action: 'claim', label: 'Claim', primary: true },
  { action: 'submit', label: 'Submit for review', primary: true },
  { action: 'approve', label: 'Approve', primary: true },
  { action: 'request-changes', label: 'Request changes',
    text: { field: 'comment', label: 'What needs to change', required: true } },
  { action: 'withdraw-approval', label: 'Withdraw approval',
    text: { field: 'reason', label: 'Why the approval is withdrawn', required: true } },
  { action: 'publish', label: 'Publish now', confirm: true, primary: true },
  { action: 'cancel-schedule', label: 'Cancel schedule' },
  { action: 'assign', label: 'Assign' },
  { action: 'release', label: 'Release' },
  { action: 'correct', label: 'Start correction' },
  { action: 'reopen', label: 'Reopen' },
  { action: 'retract', label: 'Retract', confirm: true,
    text: { field: 'reason', label: 'Reason for the retraction (public)', required: true } },
  { action: 'discard', label: 'Discard', confirm: true,
    text: { field: 'reason', label: 'Reason for discarding', required: true } },
];

/**
 * The buttons for the actions the server permits, in display order. An action the web app does
 * not know yet is left out: it has no label and may need a text this app cannot ask for.
 */
export function actionsToShow(permitted: readonly string[]): ActionSpec[] {
  return ACTIONS.filter((spec) => permitted.includes(spec.action));
}
