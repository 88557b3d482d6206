import { sessionKeeper } from './sessionKeeper';
import type { BlockData, GenerationHashmap } from '../stream/events';
import { API_BASE, apiRequest, jsonBody } from './http';

export const DIALECTS = ['duckdb', 'postgres', 'spark', 'snowflake', 'bigquery', 'ansi', 'pyspark', 'dbt'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const DIALECT_LABELS: Record<Dialect, string> = {
  duckdb: 'DuckDB',
  postgres: 'PostgreSQL',
  spark: 'Spark SQL',
  snowflake: 'Snowflake',
  bigquery: 'BigQuery',
  ansi: 'ANSI SQL',
  pyspark: 'PySpark',
  dbt: 'dbt',
};

/** Dialects whose artifact is SQL text assembled from blocks; pyspark is a .py job, dbt a zip. */
export const SQL_DIALECTS: readonly Dialect[] = ['duckdb', 'postgres', 'spark', 'snowflake', 'bigquery', 'ansi'];

export interface GenerationStarted {
  generationId: string;
  status?: string;
  eventsUrl?: string;
}

export interface GenerationSummary {
  generationId: string;
  documentId: string;
  specVersion: number;
  status: string;
  dialects: string[];
  targets: string[];
  checkpoint: number;
  columnsNeedingAttention: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /generations/{id}: the seed's hashmap plus what the service adds. */
export interface GenerationDetail extends GenerationHashmap {
  generationId: string;
  documentId: string;
  columnsNeedingAttention?: number;
  /** the spec version of the document the generation compiled */
  spec_version?: number;
  filename?: string | null;
  artifacts?: Record<string, string>;
  error?: { code?: string | null; stage?: string | null; message?: string | null } | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface BlockVersion {
  version: number;
  status: string;
  origin: string;
  createdBy?: string | null;
  checkpoint: number;
  createdAt: string;
  sql: Record<string, string>;
  mappingRefs: string[];
}

export interface LineageColumn {
  column: string;
  type?: string | null;
  mappingRef?: string | null;
  status: string;
  reason?: string | null;
  sources: string[];
}

export interface Lineage {
  generationId: string;
  targets: Array<{ target: string; columns: LineageColumn[] }>;
}

export interface AiStatus {
  configured: boolean;
  model?: string | null;
  baseUrl?: string | null;
}

export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];

/** The browser names the generation, so it can open the stream before the start request. */
export function newGenerationId(now: number = Date.now(), random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `gen_${now}_${suffix}`;
}

const path = (id: string) => `/generations/${encodeURIComponent(id)}`;

export function startGeneration(
  generationId: string,
  documentId: string,
  dialects: readonly string[],
  dataSourceId?: string,
): Promise<GenerationStarted> {
  return apiRequest<GenerationStarted>('/generations', jsonBody({ generationId, documentId, dialects, ...(dataSourceId ? { dataSourceId } : {}) }));
}

export function listGenerations(documentId: string): Promise<GenerationSummary[]> {
  return apiRequest<GenerationSummary[]>(`/generations?documentId=${encodeURIComponent(documentId)}`);
}

export function getGeneration(id: string): Promise<GenerationDetail> {
  return apiRequest<GenerationDetail>(path(id));
}

export function getLineage(id: string): Promise<Lineage> {
  return apiRequest<Lineage>(`${path(id)}/lineage`);
}

export function blockVersions(id: string, target: string, block: string): Promise<BlockVersion[]> {
  return apiRequest<BlockVersion[]>(`${path(id)}/blocks/${encodeURIComponent(target)}/${encodeURIComponent(block)}/versions`);
}

export function editBlock(id: string, target: string, block: string, dialect: string, sql: string): Promise<unknown> {
  return apiRequest<unknown>(
    `${path(id)}/blocks/${encodeURIComponent(target)}/${encodeURIComponent(block)}`,
    jsonBody({ dialect, sql }),
  );
}

export function refine(
  id: string,
  request: { target: string; blockName: string; instruction: string; references: string[]; dialect?: string },
): Promise<unknown> {
  return apiRequest<unknown>(`${path(id)}/refine`, jsonBody(request));
}

export function aiStatus(): Promise<AiStatus> {
  return apiRequest<AiStatus>('/ai/status');
}

/** The artifact as text (.sql, .py). */
export async function artifactText(id: string, dialect: string): Promise<string> {
  return (await artifactResponse(id, dialect)).text();
}

/** The artifact's bytes (the dbt project's zip). */
export async function artifactBytes(id: string, dialect: string): Promise<Uint8Array> {
  return new Uint8Array(await (await artifactResponse(id, dialect)).arrayBuffer());
}

async function artifactResponse(id: string, dialect: string): Promise<Response> {
  const response = await sessionKeeper.fetch(artifactUrl(id, dialect), { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`The ${dialect} artifact is not available (${response.status}).`);
  }
  return response;
}

export function eventsUrl(generationId: string, lastEventId?: number): string {
  const base = `${API_BASE}${path(generationId)}/events`;
  return lastEventId === undefined ? base : `${base}?lastEventId=${lastEventId}`;
}

export function artifactUrl(generationId: string, dialect: string): string {
  return `${API_BASE}${path(generationId)}/artifacts/${encodeURIComponent(dialect)}`;
}

export type { BlockData };
