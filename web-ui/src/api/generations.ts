import { API_BASE, apiRequest, jsonBody } from './http';

export const DIALECTS = ['duckdb', 'postgres', 'spark', 'snowflake', 'bigquery', 'pyspark', 'dbt'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface GenerationStarted {
  generationId: string;
  status?: string;
}

/** The browser names the generation, so it can open the stream before the start request. */
export function newGenerationId(now: number = Date.now(), random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `gen_${now}_${suffix}`;
}

export function startGeneration(generationId: string, documentId: string, dialects: Dialect[]): Promise<GenerationStarted> {
  return apiRequest<GenerationStarted>('/generations', jsonBody({ generationId, documentId, dialects }));
}

export function eventsUrl(generationId: string, lastEventId?: number): string {
  const base = `${API_BASE}/generations/${encodeURIComponent(generationId)}/events`;
  return lastEventId === undefined ? base : `${base}?lastEventId=${lastEventId}`;
}

export function artifactUrl(generationId: string, dialect: string): string {
  return `${API_BASE}/generations/${encodeURIComponent(generationId)}/artifacts/${encodeURIComponent(dialect)}`;
}
