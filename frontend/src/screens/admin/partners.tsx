import type { ReactNode } from 'react';
import { Dialog } from '../../components';

/** What webhooks and tip channels share: a signing secret shown once, active or not, a confirmed deactivation. */

/** The signing secret of what was just registered, shown only now. */
export function SecretShownOnce({ registered, secret, onDone }: { registered: string; secret: string; onDone: () => void }) {
  return (
    <div className="success" role="status">
      <p>Registered {registered}. Its signing secret, shown only now: give it to the partner.</p>
      <p className="secret">{secret}</p>
      <button type="button" onClick={onDone}>I have copied the secret</button>
    </div>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <span className="badge status-approved">Active</span> : <span className="badge status-discarded">Deactivated</span>;
}

/** Asks before deactivating; `children` says what stops and what stays. */
export function DeactivateDialog({ title, onCancel, onConfirm, children }:
  { title: string; onCancel: () => void; onConfirm: () => void; children: ReactNode }) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <p>{children}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="danger" onClick={onConfirm}>Deactivate</button>
      </div>
    </Dialog>
  );
}
