import { sessionKeeper } from './sessionKeeper';

/** A problem+json answer from the gateway, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string | undefined;

  constructor(status: number, message: string, code?: string, detail?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  get unauthenticated(): boolean {
    return this.status === 401;
  }
}

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
}

export const API_BASE = '/api/v1';

/**
 * Sends a request with the session cookie and returns the parsed JSON body (undefined for 204). A 401 renews the
 * session once and sends the request again (sessionKeeper).
 */
export async function apiRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await sessionKeeper.fetch(API_BASE + path, { credentials: 'same-origin', ...init });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached; check your connection and try again.');
  }
  if (!response.ok) {
    throw await toError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function jsonBody(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  };
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // not JSON: the status line is all there is
  }
  const message = problem.detail || problem.title || `${response.status} ${response.statusText}`;
  return new ApiError(response.status, message, problem.code, problem.detail);
}
