import { useDesk } from '../desk';
import type { Claim, Comment, Evidence, HistoryEvent, Ticket, VerdictOverview } from '../types';
import { useLiveRefetch } from './useLiveRefetch';
import { useLoad, type Loaded } from './useLoad';

/** Everything the ticket workspace shows, read together so the panels agree with each other. */
export interface TicketWorkspace {
  ticket: Ticket;
  claim: Claim;
  evidence: Evidence[];
  verdict: VerdictOverview;
  comments: Comment[];
  history: HistoryEvent[];
}

/**
 * One ticket with its claim, evidence, verdict, comments and history; refetched when an event for
 * this ticket arrives or the event stream reconnects (someone else's change shows without a reload).
 */
export function useTicket(id: number): Loaded<TicketWorkspace> {
  const { api } = useDesk();
  const data = useLoad(async () => {
    const ticket = await api.ticket(id);
    const [claim, evidence, verdict, comments, history] = await Promise.all([
      api.claim(ticket.claim.id),
      api.evidence(id),
      api.verdict(id),
      api.comments(id),
      api.history(id),
    ]);
    return { ticket, claim, evidence, verdict, comments, history };
  }, [api, id]);
  useLiveRefetch((e) => e.ticketId === id, data.reload);
  return data;
}
