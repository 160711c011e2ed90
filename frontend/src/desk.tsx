// What every screen needs: the API client, live events, who is signed in and what they may do on
// the desk, the desk's zone, people and ratings.
import { createContext, useCallback, useContext } from 'react';
import type { Api } from './api';
import type { Identity } from './auth';
import type { LiveEvents } from './events';
import type { DeskPermissions, Person, RatingScale } from './types';

export interface Desk {
  api: Api;
  live: LiveEvents;
  me: Identity;
  /** From GET /api/me; nothing granted until it has answered. */
  permissions: DeskPermissions;
  timeZone: string;
  people: Person[];
  scale: RatingScale | null;
  signOut: () => void;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskContext');
  return desk;
}

/** A person's display name from their subject, falling back to the subject itself. */
export function usePersonName(): (subject: string | null | undefined, served?: string | null) => string {
  const { people, me } = useDesk();
  return useCallback(
    (subject, served) => {
      if (!subject) return 'nobody';
      // The name the server put in its answer beside the subject: there without the people list.
      if (served) return served;
      if (subject === 'system') return 'system';
      const person = people.find((p) => p.subject === subject);
      if (person) return person.name || person.username;
      if (subject === me.subject) return me.name;
      return subject.length > 12 ? `${subject.slice(0, 8)}…` : subject;
    },
    [people, me],
  );
}
