import { apiRequest } from './http';

/** A data source of the tenant: sample tables uploaded as files, or a registered database. */
export interface DataSourceSummary {
  dataSourceId: string;
  name?: string | null;
  kind?: string | null;
}

export async function listDataSources(): Promise<DataSourceSummary[]> {
  const answer = await apiRequest<unknown>('/datasources');
  const list = Array.isArray(answer) ? answer : ((answer as { items?: unknown[] })?.items ?? []);
  return (list as DataSourceSummary[]).filter((d) => typeof d?.dataSourceId === 'string');
}

export interface SampleUploaded {
  dataSourceId: string;
}

/** Uploads sample tables (CSV, TSV, Parquet or a .zip of them; each file one table named after it) as a data source. */
export function uploadSampleTables(files: readonly File[], name: string): Promise<SampleUploaded> {
  const form = new FormData();
  files.forEach((f) => form.append('file', f, f.name));
  form.append('name', name);
  return apiRequest<SampleUploaded>('/datasources/upload', { method: 'POST', body: form });
}
