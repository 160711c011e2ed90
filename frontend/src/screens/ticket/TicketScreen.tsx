import { useCallback, useRef } from 'react';
import { ErrorBox, Spinner } from '../../components';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useTicket } from '../../hooks/useTicket';
import { ActionBar } from './ActionBar';
import { ClaimPanel } from './ClaimPanel';
import { CommentsPanel } from './CommentsPanel';
import { AskedPanel } from './AskedPanel';
import { DuplicatePanel } from './DuplicatePanel';
import { EvidencePanel } from './EvidencePanel';
import { HistoryPanel } from './HistoryPanel';
import { PreviewPanel } from './PreviewPanel';
import { SourceArticle } from './SourceArticle';
import { TicketHeader } from './TicketHeader';
import { changedSince } from './changedSince';
import { TriagePanel } from './TriagePanel';
import { VerdictPanel, type Flush } from './VerdictPanel';
import type { Comment, HistoryEvent } from '../../types';

/** One ticket's workspace: the panels, each shown or editable as the ticket's permissions say. */
export function TicketScreen({ id }: { id: number }) {
  const data = useTicket(id);
  // The verdict panel's unsaved draft, saved before a submission.
  const flushVerdict = useRef<Flush | null>(null);
  const registerFlush = useCallback((flush: Flush | null) => { flushVerdict.current = flush; }, []);
  const beforeSubmit = useCallback(() => flushVerdict.current?.() ?? Promise.resolve(true), []);
  useDocumentTitle(data.data ? `#${id}` : null);

  if (!data.data) {
    return (
      <section>
        <h1>Ticket #{id}</h1>
        <ErrorBox error={data.error} />
        {data.loading && <Spinner />}
      </section>
    );
  }
  const { ticket, claim, evidence, verdict, comments, history } = data.data;
  // Every control below is shown from what the server says this person may do now.
  const can = ticket.permissions;
  const changed = changedSince(history);

  return (
    <article className="workspace">
      <TicketHeader ticket={ticket} request={changesRequest(history, comments)} />
      {data.error && <ErrorBox error={data.error} />}
      <ActionBar ticket={ticket} onDone={data.reload} beforeSubmit={beforeSubmit} />
      <PreviewPanel ticket={ticket} />
      {/* DOM order is the work order (claim, evidence, verdict, then the article) for keyboard and narrow screens;
          the grid areas put the claim and its article beside the evidence and verdict on wide screens. */}
      <div className="workspace-grid">
        <div className="area-claim">
          <ClaimPanel claim={claim} editable={can.edit.claim} onSaved={data.reload} changed={changed?.claim} />
        </div>
        <div className="area-work">
          <EvidencePanel ticketId={ticket.id} items={evidence} editable={can.edit.evidence} onChanged={data.reload} changed={changed?.evidence} />
          <VerdictPanel ticket={ticket} overview={verdict} evidence={evidence} editable={can.edit.verdict} onSaved={data.reload} changed={changed?.verdict} registerFlush={registerFlush} />
        </div>
        {claim.articleId && (
          <div className="area-article">
            <SourceArticle claim={claim} />
          </div>
        )}
        <div className="area-side">
          <AskedPanel ticket={ticket} onApplied={data.reload} />
          {can.edit.triage && <TriagePanel ticket={ticket} onSaved={data.reload} />}
          <CommentsPanel ticket={ticket} comments={comments} canComment={can.comment} onAdded={data.reload} />
          <HistoryPanel history={history} />
          <DuplicatePanel claim={claim} ticket={ticket} onDone={data.reload} />
        </div>
      </div>
    </article>
  );
}

/**
 * The comment of the last request-changes (its audit event names the comment it posted), or null
 * when it is not among the loaded comments (erased, or beyond the newest page).
 */
export function changesRequest(history: HistoryEvent[], comments: Comment[]): Comment | null {
  const last = [...history].reverse().find((e) => e.action === 'ticket.request-changes');
  const id = (last?.changes as { commentId?: unknown } | null | undefined)?.commentId;
  return comments.find((c) => c.id === id) ?? null;
}
