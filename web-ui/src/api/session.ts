import { apiRequest } from './http';
import { sessionKeeper } from './sessionKeeper';

export interface Session {
  user: string;
  tenant: string;
  roles: string[];
  /** Seconds the access token has left (null for an API key); the token itself stays in an HttpOnly cookie. */
  expiresIn?: number | null;
}

/**
 * Where "Sign in" goes: the gateway starts the authorization code flow (PKCE) at the realm and, once the realm sends
 * the browser back, sets the HttpOnly session cookies and returns to {@code returnTo} (a path of the portal).
 */
export function signInUrl(returnTo: string): string {
  const path = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  return `/api/v1/session/login?return_to=${encodeURIComponent(path)}`;
}

const LOGIN_ERRORS: Record<string, string> = {
  login_expired: 'The sign-in took too long or was already used. Sign in again.',
  login_browser_mismatch: 'The sign-in was started in another browser or tab whose cookies are gone. Sign in again.',
  login_denied: 'The sign-in was cancelled at the login page.',
  login_refused: 'The login page refused the sign-in. Sign in again.',
  login_code_refused: 'The answer of the login page could not be used (it may have been used already). Sign in again.',
  login_invalid: 'The login page sent back an incomplete answer. Sign in again.',
  login_unavailable: 'The login service did not answer. Try again in a few seconds.',
  tenant_missing: 'Your user has no tenant yet; ask an administrator to assign one.',
};

/** What a login_error code the gateway sent back means, or null when there is none. */
export function loginErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return LOGIN_ERRORS[code] ?? 'The sign-in could not be completed. Sign in again.';
}

export function logout(): Promise<void> {
  sessionKeeper.stop();
  return apiRequest<void>('/session', { method: 'DELETE' });
}

/**
 * The current caller, or an ApiError with status 401 when no session exists (an expired access cookie is renewed
 * first with the refresh cookie, so a reload after the access token's lifespan keeps the session).
 */
export async function currentSession(): Promise<Session> {
  const session = await apiRequest<Session>('/me');
  sessionKeeper.expiresIn(session.expiresIn);
  return session;
}
