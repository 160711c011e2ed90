import { useState } from 'react';
import { Dialog, ErrorBox, useAction } from '../../components';
import { useDesk } from '../../desk';
import type { Ticket } from '../../types';

/**
 * The public page publishing would make, before publishing: for whoever the server lets publish the
 * ticket now. The page comes from GET /api/tickets/{id}/preview (fetched with the bearer token, so not
 * an iframe src) and is shown in a sandboxed frame: no script runs, no form or link leaves the frame.
 */
export function PreviewPanel({ ticket }: { ticket: Ticket }) {
  const { api } = useDesk();
  const [html, setHtml] = useState<string | null>(null);
  const [busy, error, run] = useAction();
  if (!ticket.permissions.actions.includes('publish')) return null;

  const open = () => run(async () => setHtml(await api.preview(ticket.id)));

  return (
    <section className="panel" aria-labelledby="preview-h">
      <h2 id="preview-h">Public page</h2>
      <p className="muted small">See the page the public will get, exactly as publishing now would make it, before you publish.</p>
      <button type="button" onClick={() => void open()} disabled={busy} aria-haspopup="dialog">
        {busy ? 'Loading preview…' : 'Preview public page'}
      </button>
      <div aria-live="polite"><ErrorBox error={error} /></div>
      {html !== null && (
        <Dialog title="Preview: the public page (not published)" onClose={() => setHtml(null)}>
          <p className="note small">Not published yet. Dates read as if it were published now; links in the preview do not open.</p>
          <iframe className="preview-frame" title="Preview of the public page" sandbox="" srcDoc={html} />
          <div className="dialog-buttons">
            <button type="button" onClick={() => setHtml(null)}>Close preview</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
