import { createContext, useContext } from 'react';
import type { Session } from '../api/session';

export const SessionContext = createContext<Session>({ user: '', tenant: '', roles: [] });

export function useSession(): Session {
  return useContext(SessionContext);
}

/** Who owns what this browser keeps in localStorage: tenant and user. */
export function useOwner(): string {
  const s = useSession();
  return `${s.tenant}:${s.user}`;
}
