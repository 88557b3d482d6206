import { API_BASE, apiRequest, jsonBody } from './http';

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
  /** the header overrides the latest parse used: `field` (every sheet) or `Sheet:field` -> header text */
  headerOverrides?: Record<string, string> | null;
  diagnostics?: Diagnostic[] | null;
  specVersion?: number | null;
  sheets?: SheetInfo[] | null;
  referenceFiles?: string[] | null;
  error?: { code?: string | null; message?: string | null } | null;
  uploadedBy?: string | null;
  createdAt: string;
  updatedAt?: string | null;
}

/** What the parser did with one sheet; for a mapping sheet, its headers by column letter and the field of each. */
export interface SheetInfo {
  name: string;
  role: 'mapping' | 'reference' | 'skipped' | string;
  reason?: string | null;
  headerRow: number;
  rowsRead?: number;
  mappingRows?: number;
  /** column letter -> header text */
  headers?: Record<string, string> | null;
  /** canonical field key (target_table, ...) -> column letter */
  columns?: Record<string, string> | null;
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

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface SpecDiff {
  from: number;
  to: number;
  added: MappingRow[];
  removed: MappingRow[];
  changed: Array<{ ref: string; fields: FieldChange[] }>;
}

export interface VersionWrite {
  documentId: string;
  specVersion: number;
  changed: boolean;
  rows: Array<{ ref: string; row: MappingRow; changes: FieldChange[] }>;
}

/** Row fields a user may edit (as RowPatch in document-service accepts them). */
export type RowPatch = Partial<Record<'targetTable' | 'targetColumn' | 'targetType' | 'sourceTable' | 'sourceColumns' | 'transformation' | 'join' | 'filter' | 'defaultValue' | 'description', string | null>>;

export interface UploadAccepted {
  documentId: string;
  status: DocumentStatus;
  referenceFiles?: string[];
}

/** The tenant's documents, newest first; only a project's when one is named. */
export function listDocuments(projectId?: string | null): Promise<DocumentView[]> {
  return apiRequest<DocumentView[]>(projectId ? `/documents?projectId=${encodeURIComponent(projectId)}` : '/documents');
}

/** The projects the documents belong to, by name; documents without one belong to none. */
export function projectsOf(documents: Pick<DocumentView, 'projectId'>[]): string[] {
  return [...new Set(documents.map((d) => d.projectId?.trim() ?? '').filter((p) => p !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Why a project name cannot be used, or null: 1 to 64 letters, digits, spaces, '.', '_' or '-'. */
export function projectNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Name the project.';
  if (trimmed.length > 64) return `A project name has at most 64 characters (this one has ${trimmed.length}).`;
  return /^[\p{L}\p{N} ._-]+$/u.test(trimmed) ? null : "A project name has only letters, digits, spaces, '.', '_' and '-'.";
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

export function diffVersions(id: string, from: number, to: number): Promise<SpecDiff> {
  return apiRequest<SpecDiff>(`/documents/${encodeURIComponent(id)}/versions/${from}/diff/${to}`);
}

/** Several rows edited into one new spec version; 409 stale_version when another version was saved since baseVersion. */
export function saveRowEdits(id: string, baseVersion: number, rows: Record<string, RowPatch>): Promise<VersionWrite> {
  return apiRequest<VersionWrite>(`/documents/${encodeURIComponent(id)}/versions`, jsonBody({ baseVersion, rows }));
}

/** Parses the stored file again with the fields mapped to the headers given; the result becomes a new version. */
export function reparse(id: string, headerOverrides: Record<string, string>): Promise<UploadAccepted> {
  return apiRequest<UploadAccepted>(`/documents/${encodeURIComponent(id)}/reparse`, jsonBody({ headerOverrides }));
}

export function uploadDocument(file: File, projectId?: string | null): Promise<UploadAccepted> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (projectId) form.append('projectId', projectId);
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
