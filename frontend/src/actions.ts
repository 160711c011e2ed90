// How the ticket actions look: label, emphasis, and the dialog each one asks through (confirmation,
// a reason, a person, a date). Presentation only: which actions a person may take comes from the
// server (ticket.permissions.actions), and the server judges what is sent.
import type { TicketPermissions } from './types';

/** The actions the server names (its OpenAPI document lists them): a renamed one fails the type check here. */
export type TicketAction = TicketPermissions['actions'][number];

/** What a dialog asks before the action is sent. */
export interface ActionForm {
  /** Dialog heading; `${label}?` when absent. */
  title?: string;
  /** The dialog's submit button; the label when absent. */
  submit?: string;
  /** Hard to undo: ask first. */
  confirm?: boolean;
  /** What the action does, shown above the fields; may name what the ticket has scheduled. */
  note?: (ticket: { publishAt: string | null }) => string;
  /** A date and time in the desk's zone, sent as an instant. */
  date?: { field: 'publishAt'; label: string };
  /** Needs a text: which field of TransitionRequest, and whether it is required. */
  text?: { field: 'reason' | 'comment'; label: string; required: boolean };
  /** A person from the pick list, sent as `assignee`. */
  person?: { label: string; none: string; required: boolean };
}

export interface ActionSpec extends ActionForm {
  /** As in ticket.permissions.actions: the button shows when the server lists it. */
  action: TicketAction;
  /** The path segment of POST /api/tickets/{id}/{path}; the action's own when absent. */
  path?: TicketAction;
  label: string;
  /** Primary (highlighted) button. */
  primary?: boolean;
}

/** In display order. */
export const ACTIONS: ActionSpec[] = [
  { action: 'claim', label: 'Claim', primary: true },
  { action: 'submit', label: 'Submit for review', primary: true },
  { action: 'approve', label: 'Approve', primary: true, confirm: true,
    note: () => 'The verdict as it stands goes to the editors for publication. Check the verdict and its sources below first.' },
  { action: 'request-changes', label: 'Request changes',
    text: { field: 'comment', label: 'What needs to change', required: true } },
  { action: 'withdraw-approval', label: 'Withdraw approval',
    note: (t) => `The ticket goes back to work in progress${t.publishAt ? ' and its scheduled publication is cancelled' : ''}.`,
    text: { field: 'reason', label: 'Why the approval is withdrawn', required: true } },
  { action: 'publish', label: 'Publish now', confirm: true, primary: true,
    note: () => 'The verdict goes out now: its public page, the feeds and partner webhooks. A published version can only be corrected or retracted, never removed.' },
  // Sent as publish with a time: the server takes a publish for later as a schedule (and judges it so).
  { action: 'schedule', path: 'publish', label: 'Schedule…', title: 'Schedule publication', submit: 'Schedule',
    date: { field: 'publishAt', label: 'Publish at' } },
  { action: 'cancel-schedule', label: 'Cancel schedule' },
  { action: 'assign', label: 'Assign', title: 'Assign ticket',
    person: { label: 'Assignee', none: 'Choose…', required: true } },
  { action: 'release', label: 'Release' },
  { action: 'correct', label: 'Start correction',
    person: { label: 'Assign the correction to (optional)', none: 'Its fact-checker', required: false } },
  { action: 'reopen', label: 'Reopen' },
  { action: 'retract', label: 'Retract', confirm: true,
    note: () => 'The public page will show a retraction notice; feeds and partners are told. This cannot be undone.',
    text: { field: 'reason', label: 'Reason for the retraction (public)', required: true } },
  { action: 'discard', label: 'Discard', confirm: true,
    note: () => 'The ticket leaves the desk. An editor can reopen it later.',
    text: { field: 'reason', label: 'Reason for discarding', required: true } },
];

/**
 * The buttons for the actions the server permits, in display order. An action the web app does
 * not know yet is left out: it has no label and may need a text this app cannot ask for.
 */
export function actionsToShow(permitted: readonly string[]): ActionSpec[] {
  return ACTIONS.filter((spec) => permitted.includes(spec.action));
}

/** Whether pressing the button opens a dialog first, or sends the action straight away. */
export function asksFirst(spec: ActionForm): boolean {
  return Boolean(spec.confirm || spec.text || spec.person || spec.date);
}

/** Hard-to-undo actions that are not the main step read as dangerous (button and submit alike). */
export function tone(spec: ActionSpec): 'primary' | 'danger' | '' {
  return spec.primary ? 'primary' : spec.confirm ? 'danger' : '';
}
