import { followWithSession } from '../../api/sessionKeeper';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  dictionaryUrl,
  getDocument,
  getRows,
  listVersions,
  saveRowEdits,
  targetEntries,
  type DocumentView,
  type RowsView,
  type VersionView,
} from '../../api/documents';
import { DIALECT_LABELS, DIALECTS, listGenerations, newGenerationId, type Dialect, type GenerationSummary } from '../../api/generations';
import { placeDiagnostics } from '../../mapping/cells';
import { countEdits, emptyEdits, rowEditsReducer, toPatches } from '../../mapping/rowEdits';
import { useReportError, useToasts } from '../../shell/toasts';
import { formatTime } from '../format';
import { HeaderMapping } from './HeaderMapping';
import { RowsGrid } from './RowsGrid';
import { SampleData } from './SampleData';
import { VersionDiff } from './VersionDiff';

const POLL_MS = 1500;

export default function DocumentPage() {
  const { documentId = '' } = useParams();
  const [params] = useSearchParams();
  const highlight = params.get('row');
  const [doc, setDoc] = useState<DocumentView | null>(null);
  const [rows, setRows] = useState<RowsView | null>(null);
  const [versions, setVersions] = useState<VersionView[]>([]);
  const [generations, setGenerations] = useState<GenerationSummary[]>([]);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [edits, dispatchEdit] = useReducer(rowEditsReducer, emptyEdits);
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [shownDiff, setShownDiff] = useState<{ from: number; to: number } | null>(null);
  const report = useReportError();
  const { push } = useToasts();

  const load = useCallback(async () => {
    try {
      const d = await getDocument(documentId);
      setDoc(d);
      if (d.status === 'parsed') {
        const [v, g] = await Promise.all([listVersions(documentId), listGenerations(documentId)]);
        setVersions(v);
        setGenerations(g);
      }
    } catch (err) {
      report(err, 'Loading the document failed');
    }
  }, [documentId, report]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (doc?.status !== 'parsing') {
      return undefined;
    }
    const timer = setTimeout(() => void load(), POLL_MS);
    return () => clearTimeout(timer);
  }, [doc, load]);

  useEffect(() => {
    if (doc?.status !== 'parsed') {
      return;
    }
    getRows(documentId, version).then(setRows, (err) => report(err, 'Loading the mapping rows failed'));
  }, [doc?.status, doc?.specVersion, documentId, version, report]);

  // edits are made on the latest version only; a newer version (someone's edit, a reparse) drops them
  const latest = rows !== null && version === undefined && rows.specVersion === doc?.specVersion;
  useEffect(() => {
    if (latest && rows) dispatchEdit({ type: 'start', baseVersion: rows.specVersion });
  }, [latest, rows]);

  const diagnostics = useMemo(() => doc?.diagnostics ?? [], [doc?.diagnostics]);
  const placed = useMemo(() => placeDiagnostics(diagnostics, doc?.sheets), [diagnostics, doc?.sheets]);

  if (!doc) {
    return <p className="muted pad">Loading…</p>;
  }
  const pending = countEdits(edits);

  const save = async () => {
    if (edits.baseVersion === null) return;
    setSaving(true);
    try {
      const written = await saveRowEdits(documentId, edits.baseVersion, toPatches(edits));
      setEditing(null);
      dispatchEdit({ type: 'discard' });
      push({
        kind: 'info',
        text: written.changed ? `Saved as spec version ${written.specVersion}.` : 'Nothing changed: the rows already say that.',
      });
      if (written.changed) setShownDiff({ from: edits.baseVersion, to: written.specVersion });
      await load();
    } catch (err) {
      report(err, 'Saving the edits failed');
    } finally {
      setSaving(false);
    }
  };

  // about the document as a whole, or about a row the parser left out of the grid
  const shownRefs = new Set(rows?.rows.map((r) => r.ref) ?? []);
  const withoutRow = diagnostics.filter((d) => !d.ref || (rows !== null && !shownRefs.has(d.ref)));
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/documents">Documents</Link> / <span>{doc.fileName}</span>
      </nav>
      <section className="card" aria-labelledby="doc-title">
        <header className="row wrap">
          <h1 id="doc-title">{doc.fileName}</h1>
          <span className={`badge ${doc.status}`} data-testid="document-status">
            {doc.status}
          </span>
          <span className="spacer" />
          <span className="muted">
            uploaded {formatTime(doc.createdAt)} by {doc.uploadedBy ?? '–'}
          </span>
        </header>
        {doc.status === 'failed' && (
          <p role="alert" className="error">
            {doc.error?.message ?? 'The document could not be parsed.'}
          </p>
        )}
        {doc.status === 'parsed' && (
          <>
            <p>
              {doc.rowsFound} mapping rows; targets:{' '}
              {targetEntries(doc)
                .map(([t, n]) => `${t} (${n} rows)`)
                .join(', ')}
              ; spec version {doc.specVersion}.{' '}
              <a href={dictionaryUrl(documentId, 'html')} target="_blank" rel="noreferrer" onClick={followWithSession}>
                Data dictionary
              </a>{' '}
              (<a href={dictionaryUrl(documentId, 'md')} onClick={followWithSession}>.md</a>)
            </p>
            <GenerateForm documentId={documentId} />
          </>
        )}
      </section>

      {doc.status === 'parsed' && (
        <>
          <section className="card" aria-labelledby="rows-title">
            <header className="row wrap">
              <h2 id="rows-title">Mapping rows</h2>
              <span className="muted">
                {rows ? `${rows.rows.length} rows, spec v${rows.specVersion}` : 'loading…'} · {diagnostics.length} diagnostics
              </span>
              <span className="spacer" />
              <label>
                Version{' '}
                <select value={version ?? ''} onChange={(e) => setVersion(e.target.value ? Number(e.target.value) : undefined)}>
                  <option value="">latest</option>
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </select>
              </label>
            </header>
            {latest && (
              <div className="row wrap edits-bar" data-testid="edits-bar">
                <span className="muted">
                  {pending.rows === 0
                    ? 'Edit a row in place (its “edit” button); the edits are saved together as a new version.'
                    : `${pending.rows} row(s), ${pending.cells} cell(s) edited on v${edits.baseVersion}`}
                </span>
                <span className="spacer" />
                <button type="button" disabled={pending.rows === 0 || saving} onClick={() => void save()}>
                  {saving ? 'Saving…' : `Save as version ${(doc.specVersion ?? 0) + 1}`}
                </button>
                <button type="button" className="secondary" disabled={pending.rows === 0 || saving} onClick={() => dispatchEdit({ type: 'discard' })}>
                  Discard edits
                </button>
              </div>
            )}
            {rows && (
              <RowsGrid
                rows={rows.rows}
                placed={placed}
                highlight={highlight}
                edits={latest ? edits : null}
                editing={editing}
                onEditing={setEditing}
                onChange={(row, field, value) => dispatchEdit({ type: 'set', row, field, value })}
              />
            )}
            {withoutRow.length > 0 && (
              <details>
                <summary>{withoutRow.length} diagnostics about the document or rows left out of the grid</summary>
                <ul className="diagnostics">
                  {withoutRow.map((d, i) => (
                    <li key={i} className={`diag ${d.severity}`}>
                      <strong>{d.code}</strong> {d.message} {d.cell ? <span className="mono muted">{d.cell}</span> : null}{' '}
                      {d.ref ? <span className="mono muted">{d.ref}</span> : null}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>

          <div className="columns">
            <section className="card" aria-labelledby="headers-title">
              <h2 id="headers-title">Header mapping the parser chose</h2>
              <HeaderMapping
                doc={doc}
                onReparse={() => {
                  push({ kind: 'info', text: 'Parsing again with the columns chosen; the result becomes a new version.' });
                  void load();
                }}
              />
            </section>
            <section className="card" aria-labelledby="history-title">
              <h2 id="history-title">Versions</h2>
              <ul className="plain">
                {versions.map((v) => (
                  <li key={v.version} data-version={v.version}>
                    v{v.version} · {formatTime(v.createdAt)} · {v.createdBy ?? '–'} <span className="muted">{v.reason ?? ''}</span>
                    {Array.isArray(v.changedRows) && v.changedRows.length > 0 ? (
                      <span className="muted"> · {v.changedRows.length} row(s)</span>
                    ) : null}
                  </li>
                ))}
              </ul>
              <h3>Compare versions</h3>
              <VersionDiff documentId={documentId} versions={versions} initial={shownDiff} />
              <h2>Generations</h2>
              {generations.length === 0 ? (
                <p className="muted">None yet.</p>
              ) : (
                <ul className="plain" data-testid="past-generations">
                  {generations.map((g) => (
                    <li key={g.generationId}>
                      <Link to={`/generations/${encodeURIComponent(g.generationId)}`}>{g.generationId}</Link>{' '}
                      <span className={`badge ${g.status}`}>{g.status}</span>{' '}
                      <span className="muted">
                        {formatTime(g.createdAt)} · {g.dialects.join(', ')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function GenerateForm({ documentId }: { documentId: string }) {
  const [dialects, setDialects] = useState<Dialect[]>([...DIALECTS]);
  const [dataSourceId, setDataSourceId] = useState('');
  const navigate = useNavigate();
  const toggle = (d: Dialect) => setDialects((all) => (all.includes(d) ? all.filter((x) => x !== d) : DIALECTS.filter((x) => x === d || all.includes(x))));
  return (
    <form
      className="row wrap"
      onSubmit={(e) => {
        e.preventDefault();
        const id = newGenerationId();
        navigate(`/generations/${id}`, { state: { start: { documentId, dialects, dataSourceId: dataSourceId || undefined } } });
      }}
    >
      <fieldset className="dialects">
        <legend>Dialects (the first one checked is the editor's)</legend>
        {DIALECTS.map((d) => (
          <label key={d} className="check">
            <input type="checkbox" name="dialect" value={d} checked={dialects.includes(d)} onChange={() => toggle(d)} />
            {DIALECT_LABELS[d]}
          </label>
        ))}
      </fieldset>
      <SampleData value={dataSourceId} onChange={setDataSourceId} />
      <button type="submit" disabled={dialects.length === 0}>
        Generate the semantic layer
      </button>
    </form>
  );
}
