import { useEffect, useEffectEvent } from 'react';
import { useDesk } from '../desk';
import { refetchOn } from '../events';
import type { TicketEvent } from '../types';

/** Refetches when the event stream (re)connects or an event for a relevant ticket arrives. */
export function useLiveRefetch(relevant: (event: TicketEvent) => boolean, refetch: () => void): void {
  const { live } = useDesk();
  const isRelevant = useEffectEvent(relevant);
  const refetchLatest = useEffectEvent(refetch);
  useEffect(() => refetchOn(live, (e) => isRelevant(e), () => refetchLatest()), [live]);
}
