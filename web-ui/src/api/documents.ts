import { apiRequest } from './http';

export type DocumentStatus = 'uploaded' | 'parsing' | 'parsed' | 'failed' | string;

export interface Diagnostic {
  severity?: string;
  code?: string;
  message?: string;
  ref?: string;
}

export interface DocumentSummary {
  documentId: string;
  status: DocumentStatus;
  fileName: string;
  rowsFound?: number | null;
  targets?: Array<string | { name?: string; target?: string }> | null;
  diagnostics?: Diagnostic[] | null;
  error?: { code?: string; message?: string } | null;
  createdAt?: string;
}

export interface UploadAccepted {
  documentId: string;
  status: DocumentStatus;
}

export function listDocuments(): Promise<DocumentSummary[]> {
  return apiRequest<DocumentSummary[]>('/documents');
}

export function uploadDocument(file: File): Promise<UploadAccepted> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<UploadAccepted>('/documents', { method: 'POST', body: form });
}

/** Target table names, whichever shape the document service sends them in. */
export function targetNames(doc: DocumentSummary): string[] {
  return (doc.targets ?? [])
    .map((t) => (typeof t === 'string' ? t : t.name ?? t.target ?? ''))
    .filter((name) => name.length > 0);
}
