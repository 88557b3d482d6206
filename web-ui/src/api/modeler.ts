import { ApiError, API_BASE, apiRequest, jsonBody } from './http';
import { sessionKeeper } from './sessionKeeper';

export interface ModelerMessage {
  role: 'user' | 'assistant' | string;
  content: string;
  timestamp?: string | null;
}

export interface SchemaSummary {
  tableCount?: number;
  totalColumns?: number;
  totalForeignKeys?: number;
  inferredReferences?: number;
  avgColumnsPerTable?: number;
}

/** A modeler session: open in Redis (source new or redis), or a saved conversation (source database, read-only). */
export interface ModelerSession {
  conversationId: string;
  dataSourceId: string;
  source: 'new' | 'redis' | 'database' | string;
  restored: boolean;
  readOnly?: boolean;
  createdAt?: string | null;
  lastActivity?: string | null;
  expiresInSeconds?: number | null;
  model?: string | null;
  sample?: string | null;
  summary?: SchemaSummary | null;
  schemaContext?: string | null;
  messages: ModelerMessage[];
  modelDraft?: { version: number; model: unknown; lastModified?: string } | null;
  /** the deterministic analysis, on a new session only */
  analysis?: { starSchema?: unknown } | null;
  dataModelId?: string | null;
  title?: string | null;
  savedAt?: string | null;
}

export const DDL_DIALECTS = ['duckdb', 'postgres', 'snowflake', 'bigquery', 'spark', 'ansi'] as const;

const base = '/ai/modeler';
const ds = (id: string) => `${base}/sessions/${encodeURIComponent(id)}`;

/** Opens a session on the data source, or the user's open one (source redis, restored). */
export function openModelerSession(dataSourceId: string): Promise<ModelerSession> {
  return apiRequest<ModelerSession>(`${base}/sessions`, jsonBody({ dataSourceId }));
}

export function saveModelerSession(dataSourceId: string, dataModelId: string, title: string): Promise<ModelerSession> {
  return apiRequest<ModelerSession>(`${ds(dataSourceId)}/save`, jsonBody({ dataModelId, title: title || undefined }));
}

export function cancelModelerSession(dataSourceId: string): Promise<void> {
  return apiRequest<void>(ds(dataSourceId), { method: 'DELETE' });
}

/** A saved conversation of a data model, read-only: the one with conversationId, or the latest. */
export function savedConversation(dataModelId: string, conversationId?: string | null): Promise<ModelerSession> {
  const query = conversationId ? `?conversationId=${encodeURIComponent(conversationId)}` : '';
  return apiRequest<ModelerSession>(`${base}/conversations/${encodeURIComponent(dataModelId)}${query}`);
}

/** One line of the user's saved conversations. */
export interface SavedConversationSummary {
  conversationId: string;
  dataSourceId: string;
  dataModelId: string;
  title?: string | null;
  savedBy?: string | null;
  createdAt?: string | null;
  savedAt: string;
  messageCount: number;
  modelDraftVersion?: number | null;
}

/**
 * The saved conversations the signed-in user may open (its own; every one of the tenant for an admin), newest first
 * (optionally about one data source).
 */
export function listSavedConversations(dataSourceId?: string): Promise<SavedConversationSummary[]> {
  const query = dataSourceId ? `?dataSourceId=${encodeURIComponent(dataSourceId)}` : '';
  return apiRequest<{ conversations: SavedConversationSummary[] }>(`${base}/conversations${query}`).then((r) => r.conversations ?? []);
}

/** Stores the model draft of the open session; the answer has the draft's new version. */
export function saveModelDraft(dataSourceId: string, model: unknown): Promise<{ version: number; model: unknown; lastModified?: string }> {
  return apiRequest(`${ds(dataSourceId)}/draft`, { ...jsonBody({ model }), method: 'PUT' });
}

/** The analysis of the data source's current schema (its star schema seeds a draft when the session has none). */
export function modelerAnalysis(dataSourceId: string): Promise<{ starSchema?: unknown }> {
  return apiRequest(`${base}/datasources/${encodeURIComponent(dataSourceId)}/analysis`);
}

export function ddlUrl(dataSourceId: string, dialect: string): string {
  return `${API_BASE}${base}/datasources/${encodeURIComponent(dataSourceId)}/analysis?dialect=${encodeURIComponent(dialect)}`;
}

export type TurnEvent =
  | { type: 'delta'; text: string }
  | { type: 'done'; session: ModelerSession }
  | { type: 'error'; code?: string | null; detail?: string | null };

/**
 * Splits what arrived of a text/event-stream into the JSON of its complete events and the unfinished rest
 * (events end with a blank line; an event's data lines are joined by new lines).
 */
export function parseTurnEvents(buffer: string): { events: TurnEvent[]; rest: string } {
  const normalized = buffer.replace(/\r\n/g, '\n');
  const parts = normalized.split('\n\n');
  const rest = parts.pop() ?? '';
  const events: TurnEvent[] = [];
  for (const part of parts) {
    const data = part
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data) events.push(JSON.parse(data) as TurnEvent);
  }
  return { events, rest };
}

/**
 * One chat turn, streamed: each piece of the answer goes to onDelta as it arrives; resolves with the session once
 * question and answer are stored. A turn that cannot start (no model, no session) or fails is an ApiError, and the
 * session is unchanged.
 */
export async function streamModelerTurn(dataSourceId: string, content: string, onDelta: (text: string) => void): Promise<ModelerSession> {
  let response: Response;
  try {
    response = await sessionKeeper.fetch(`${API_BASE}${ds(dataSourceId)}/messages/stream`, {
      ...jsonBody({ content }),
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached; check your connection and try again.');
  }
  if (!response.ok || !response.body) {
    const problem = await response.json().catch(() => ({}));
    const message = problem.detail ?? problem.title ?? `The modeler answered ${response.status}`;
    throw new ApiError(response.status, message, problem.code, message);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const parsed = parseTurnEvents(done ? `${buffer}\n\n` : buffer);
    buffer = parsed.rest;
    for (const event of parsed.events) {
      if (event.type === 'delta') onDelta(event.text);
      else if (event.type === 'done') return event.session;
      else if (event.type === 'error') {
        const message = event.detail ?? 'The model failed; the session is unchanged.';
        throw new ApiError(502, message, event.code ?? undefined, message);
      }
    }
    if (done) throw new ApiError(502, 'The answer ended before it was stored; the session is unchanged.');
  }
}
