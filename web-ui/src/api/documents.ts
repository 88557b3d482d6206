import { API_BASE, apiRequest } from './http';

/** The shapes of the document service's answers, as the gateway passes them through. */

export type DocumentStatus = 'parsing' | 'parsed' | 'failed';

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  /** the cell the diagnostic is about, e.g. "Mapping!F12", when it is about one */
  cell?: string | null;
  /** the mapping row, e.g. "@mapping[Mapping:12]", when it is about one */
  ref?: string | null;
}

export interface DocumentView {
  documentId: string;
  status: DocumentStatus;
  fileName: string;
  projectId?: string | null;
  size: number;
  rowsFound?: number | null;
  /** target table -> number of mapping rows */
  targets?: Record<string, number> | null;
  /** sheet -> canonical field -> the header text the parser chose */
  headerMapping?: Record<string, Record<string, string>> | null;
  diagnostics?: Diagnostic[] | null;
  specVersion?: number | null;
  sheets?: unknown;
  referenceFiles?: string[] | null;
  error?: { code?: string | null; message?: string | null } | null;
  uploadedBy?: string | null;
  createdAt: string;
  updatedAt?: string | null;
}

export interface SourceRef {
  system?: string | null;
  table?: string | null;
  column: string;
}

export interface MappingRow {
  ref: string;
  sheet: string;
  rowNumber: number;
  targetTable?: string | null;
  targetColumn?: string | null;
  targetType?: string | null;
  sourceSystem?: string | null;
  sourceTable?: string | null;
  sourceColumns: SourceRef[];
  rawSource?: string | null;
  transformation?: string | null;
  join?: string | null;
  filter?: string | null;
  key: boolean;
  nullable?: boolean | null;
  defaultValue?: string | null;
  nullHandling?: string | null;
  description?: string | null;
  attributes?: Record<string, string>;
}

export interface RowsView {
  documentId: string;
  specVersion: number;
  rowsFound: number;
  rows: MappingRow[];
}

export interface VersionView {
  version: number;
  reason?: string | null;
  changedRows?: unknown;
  createdBy?: string | null;
  createdAt: string;
}

export interface UploadAccepted {
  documentId: string;
  status: DocumentStatus;
  referenceFiles?: string[];
}

export function listDocuments(): Promise<DocumentView[]> {
  return apiRequest<DocumentView[]>('/documents');
}

export function getDocument(id: string): Promise<DocumentView> {
  return apiRequest<DocumentView>(`/documents/${encodeURIComponent(id)}`);
}

export function getRows(id: string, version?: number): Promise<RowsView> {
  const query = version === undefined ? '' : `?version=${version}`;
  return apiRequest<RowsView>(`/documents/${encodeURIComponent(id)}/rows${query}`);
}

export function listVersions(id: string): Promise<VersionView[]> {
  return apiRequest<VersionView[]>(`/documents/${encodeURIComponent(id)}/versions`);
}

export function uploadDocument(file: File): Promise<UploadAccepted> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<UploadAccepted>('/documents', { method: 'POST', body: form });
}

export function dictionaryUrl(id: string, format: 'md' | 'html'): string {
  return `${API_BASE}/documents/${encodeURIComponent(id)}/dictionary?format=${format}`;
}

/** Target table names with their row counts, in the order the document lists them. */
export function targetEntries(doc: Pick<DocumentView, 'targets'>): Array<[string, number]> {
  const targets = doc.targets;
  if (!targets || typeof targets !== 'object' || Array.isArray(targets)) {
    return [];
  }
  return Object.entries(targets).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
}
