import { API_BASE, ApiError, apiRequest, jsonBody } from '../../api/http';
import { sessionKeeper } from '../../api/sessionKeeper';
import { parquetReadObjects } from 'hyparquet';
import { checkedResult, readEvent, templateSchema, type Cell, type QueryResult, type StreamEvent, type VizTemplate } from './schema';
import { z } from 'zod';

export interface RunRequest {
  question: string;
  sql?: string;
  dataSourceId: string;
  engine: 'duckdb' | 'spark';
}

/**
 * Starts a run and hands each server-sent event to onEvent, validated (an event that cannot be read arrives as
 * `unreadable`, saying why); resolves when the stream ends.
 */
export async function streamRun(request: RunRequest, onEvent: (e: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
  const init = jsonBody(request);
  const response = await sessionKeeper.fetch(API_BASE + '/viz/runs', {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Accept: 'text/event-stream' },
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok || !response.body) {
    let detail = `${response.status} ${response.statusText}`;
    let code: string | undefined;
    try {
      const problem = (await response.json()) as { detail?: string; code?: string };
      detail = problem.detail ?? detail;
      code = problem.code;
    } catch {
      // not problem JSON
    }
    throw new ApiError(response.status, detail, code, detail);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (!data) continue;
      onEvent(readEvent(data));
    }
  }
}

/** Reads a result by its URL (JSON or Parquet) and validates it before it may enter the sandbox. */
export async function fetchResult(url: string, format: 'json' | 'parquet'): Promise<QueryResult> {
  if (!url.startsWith(API_BASE + '/viz/data/')) throw new Error(`not a result URL: ${url}`);
  const response = await sessionKeeper.fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new ApiError(response.status, response.status === 404 ? 'The result expired or is not yours; run the chart again.' : `${response.status} ${response.statusText}`);
  }
  if (format === 'json') {
    return checkedResult(await response.json());
  }
  const file = await response.arrayBuffer();
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  const names = rows.length > 0 ? Object.keys(rows[0]) : [];
  return checkedResult({
    columns: names.map((name) => ({ name, type: parquetType(rows, name) })),
    rows: rows.map((r) => names.map((n) => toCell(r[n]))),
  });
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function parquetType(rows: Record<string, unknown>[], name: string): string {
  const v = rows.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
  if (typeof v === 'number' || typeof v === 'bigint') return 'DOUBLE';
  if (v instanceof Date) return 'TIMESTAMP';
  return 'VARCHAR';
}

export { listDataSources, type DataSourceSummary } from '../../api/datasources';

export async function sandboxOrigin(): Promise<string> {
  const answer = await apiRequest<{ origin: string }>('/viz/sandbox');
  return z.string().url().parse(answer.origin);
}

export type TemplateInput = Omit<VizTemplate, 'id' | 'created_at' | 'updated_at' | 'created_by'>;

export async function listTemplates(): Promise<VizTemplate[]> {
  return z.array(templateSchema).parse(await apiRequest<unknown>('/viz/templates'));
}

export async function getTemplate(id: string): Promise<VizTemplate> {
  return templateSchema.parse(await apiRequest<unknown>(`/viz/templates/${encodeURIComponent(id)}`));
}

export async function saveTemplate(input: TemplateInput, id?: string): Promise<VizTemplate> {
  const init = jsonBody(input);
  const answer = await apiRequest<unknown>(id ? `/viz/templates/${encodeURIComponent(id)}` : '/viz/templates', id ? { ...init, method: 'PUT' } : init);
  return templateSchema.parse(answer);
}

export async function deleteTemplate(id: string): Promise<void> {
  await apiRequest<unknown>(`/viz/templates/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function rerunTemplate(id: string): Promise<{ url: string; size: 'small' | 'large'; format: 'json' | 'parquet'; rows: number }> {
  return apiRequest(`/viz/templates/${encodeURIComponent(id)}/run`, { method: 'POST' });
}
