import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listDocuments, projectsOf, targetEntries, uploadDocument, type DocumentView } from '../../api/documents';
import { useReportError, useToasts } from '../../shell/toasts';
import { formatTime } from '../format';
import { DropZone } from './DropZone';
import { ProjectsNav } from './ProjectsNav';

const POLL_MS = 1500;

/** The tenant's documents, or one project's (`?project=`, so the URL survives a reload); uploads go to the project open. */
export function DocumentsPage() {
  const [params] = useSearchParams();
  const project = params.get('project')?.trim() || null;
  // the list with the project it is of: another project's list is never shown under this one's name
  const [listed, setListed] = useState<{ project: string | null; documents: DocumentView[] } | null>(null);
  const documents = listed && listed.project === project ? listed.documents : null;
  const [projects, setProjects] = useState<string[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  // documents uploaded from this page, watched until the list shows them parsed or failed (a list fetched before the
  // upload was stored, or one that failed, must not stop the polling)
  const [awaited, setAwaited] = useState<string[]>([]);
  const report = useReportError();
  const { push } = useToasts();

  const refresh = useCallback(async () => {
    try {
      const all = await listDocuments();
      setProjects(projectsOf(all));
      setListed({ project, documents: project ? await listDocuments(project) : all });
    } catch (err) {
      report(err, 'Loading the documents failed');
    }
  }, [report, project]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pending =
    (documents?.some((d) => d.status === 'parsing') ?? false) ||
    awaited.some((id) => !documents?.some((d) => d.documentId === id && d.status !== 'parsing'));
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
        const accepted = await uploadDocument(file, project);
        setAwaited((ids) => [...ids, accepted.documentId]);
        push({ kind: 'info', text: `${file.name} uploaded${project ? ` to project ${project}` : ''}; parsing…` });
      } catch (err) {
        report(err, `Upload of ${file.name} refused`);
      }
    }
    setUploading(null);
    await refresh();
  };

  return (
    <section className="card" aria-labelledby="documents-title">
      <h1 id="documents-title">{project ? `Documents of project ${project}` : 'Documents'}</h1>
      <ProjectsNav projects={projects} current={project} />
      <DropZone onFiles={(files) => void upload(files)} busy={uploading} />
      {documents === null ? (
        <p className="muted">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="muted" data-testid="no-documents">
          {project ? `No documents in project ${project} yet.` : 'No documents yet.'} Upload a source-to-target mapping (.xlsx, .xls or .csv).
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
                <th scope="col">Project</th>
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
                  <td data-field="project">
                    {doc.projectId ? <Link to={`/documents?project=${encodeURIComponent(doc.projectId)}`}>{doc.projectId}</Link> : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
