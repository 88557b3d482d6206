import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { listDocuments, targetNames, uploadDocument, type DocumentSummary } from '../../api/documents';
import { ApiError } from '../../api/http';

const POLL_MS = 2000;

interface Props {
  onUnauthenticated: () => void;
  onGenerate: (doc: DocumentSummary) => void;
  onDocuments?: (docs: DocumentSummary[]) => void;
}

export function DocumentsPage({ onUnauthenticated, onGenerate, onDocuments }: Props) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      const docs = await listDocuments();
      setDocuments(docs);
      onDocuments?.(docs);
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.unauthenticated) {
        onUnauthenticated();
        return;
      }
      setError(err instanceof Error ? err.message : 'Could not load documents.');
    }
  }, [onUnauthenticated, onDocuments]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pending = documents?.some((d) => d.status === 'parsing' || d.status === 'uploaded') ?? false;
  useEffect(() => {
    if (!pending) {
      return undefined;
    }
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) {
      return;
    }
    setUploading(true);
    try {
      await uploadDocument(file);
      await refresh();
    } catch (err) {
      if (err instanceof ApiError && err.unauthenticated) {
        onUnauthenticated();
        return;
      }
      setError(`Upload of ${file.name} failed: ${err instanceof Error ? err.message : 'unknown error'}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <section className="card" aria-labelledby="documents-title">
      <header className="row">
        <h2 id="documents-title">Documents</h2>
        <span className="spacer" />
        <input ref={fileInput} type="file" accept=".xlsx,.xls,.csv" hidden onChange={upload} data-testid="upload-input" />
        <button type="button" onClick={() => fileInput.current?.click()} disabled={uploading}>
          {uploading ? 'Uploading…' : 'Upload mapping'}
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {documents === null ? (
        <p className="muted">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="muted">No documents yet. Upload a source-to-target mapping (.xlsx, .xls or .csv).</p>
      ) : (
        <table className="documents">
          <thead>
            <tr>
              <th>File</th>
              <th>Status</th>
              <th className="num">Rows</th>
              <th>Targets</th>
              <th className="num">Diagnostics</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.documentId} data-document-id={doc.documentId}>
                <td>{doc.fileName}</td>
                <td>
                  <span className={`badge ${doc.status}`} title={doc.error?.message ?? undefined}>
                    {doc.status}
                  </span>
                </td>
                <td className="num">{doc.rowsFound ?? '–'}</td>
                <td>{targetNames(doc).join(', ') || '–'}</td>
                <td className="num">{doc.diagnostics?.length ?? 0}</td>
                <td>
                  <button type="button" className="secondary" disabled={doc.status !== 'parsed'} onClick={() => onGenerate(doc)}>
                    Generate
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
