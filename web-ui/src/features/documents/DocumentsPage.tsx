import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { listDocuments, targetEntries, uploadDocument, type DocumentView } from '../../api/documents';
import { useReportError, useToasts } from '../../shell/toasts';
import { formatTime } from '../format';
import { DropZone } from './DropZone';

const POLL_MS = 1500;

export function DocumentsPage() {
  const [documents, setDocuments] = useState<DocumentView[] | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const report = useReportError();
  const { push } = useToasts();

  const refresh = useCallback(async () => {
    try {
      setDocuments(await listDocuments());
    } catch (err) {
      report(err, 'Loading the documents failed');
    }
  }, [report]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pending = documents?.some((d) => d.status === 'parsing') ?? false;
  useEffect(() => {
    if (!pending) {
      return undefined;
    }
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  const upload = async (files: File[]) => {
    for (const file of files) {
      setUploading(file.name);
      try {
        await uploadDocument(file);
        push({ kind: 'info', text: `${file.name} uploaded; parsing…` });
      } catch (err) {
        report(err, `Upload of ${file.name} refused`);
      }
    }
    setUploading(null);
    await refresh();
  };

  return (
    <section className="card" aria-labelledby="documents-title">
      <h1 id="documents-title">Documents</h1>
      <DropZone onFiles={(files) => void upload(files)} busy={uploading} />
      {documents === null ? (
        <p className="muted">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="muted" data-testid="no-documents">
          No documents yet. Upload a source-to-target mapping (.xlsx, .xls or .csv).
        </p>
      ) : (
        <div className="table-scroll">
          <table className="documents">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Uploaded</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">Targets</th>
                <th scope="col" className="num">
                  Diagnostics
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.documentId} data-document-id={doc.documentId}>
                  <td>
                    <Link to={`/documents/${encodeURIComponent(doc.documentId)}`}>{doc.fileName}</Link>
                  </td>
                  <td>{formatTime(doc.createdAt)}</td>
                  <td>{doc.uploadedBy ?? '–'}</td>
                  <td>
                    <span className={`badge ${doc.status}`} title={doc.error?.message ?? undefined}>
                      {doc.status}
                    </span>
                  </td>
                  <td className="num">{doc.rowsFound ?? '–'}</td>
                  <td>
                    {targetEntries(doc)
                      .map(([t, n]) => `${t} (${n})`)
                      .join(', ') || '–'}
                  </td>
                  <td className="num">{doc.diagnostics?.length ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
