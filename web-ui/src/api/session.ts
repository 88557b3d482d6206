import { apiRequest, jsonBody } from './http';

export interface Session {
  user: string;
  tenant: string;
  roles: string[];
}

/** Logs in; the gateway answers with the HttpOnly session cookie the browser keeps. */
export function login(username: string, password: string): Promise<Session> {
  return apiRequest<Session>('/session', jsonBody({ username, password }));
}

export function logout(): Promise<void> {
  return apiRequest<void>('/session', { method: 'DELETE' });
}

/** The current caller, or an ApiError with status 401 when no session exists. */
export function currentSession(): Promise<Session> {
  return apiRequest<Session>('/me');
}
