import { useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../../api/documents';
import { artifactUrl, DIALECTS, newGenerationId, startGeneration, type Dialect } from '../../api/generations';
import { ApiError } from '../../api/http';
import { orderedBlocks } from '../../stream/generationReducer';
import { useGenerationStream } from '../../stream/useGenerationStream';

interface Props {
  documents: DocumentSummary[];
  initialDocumentId: string | null;
  onUnauthenticated: () => void;
}

export function GenerationView({ documents, initialDocumentId, onUnauthenticated }: Props) {
  const parsed = documents.filter((d) => d.status === 'parsed');
  const [documentId, setDocumentId] = useState<string>(initialDocumentId ?? parsed[0]?.documentId ?? '');
  const [dialects, setDialects] = useState<Dialect[]>(['duckdb']);
  const [generationId, setGenerationId] = useState<string | null>(null);
  const [state, dispatch] = useGenerationStream(generationId);
  const selected = documentId || parsed[0]?.documentId || '';
  const running = state.status === 'submitted' || state.status === 'streaming';

  const toggle = (dialect: Dialect) =>
    setDialects((current) => (current.includes(dialect) ? current.filter((d) => d !== dialect) : [...current, dialect]));

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const id = newGenerationId();
    dispatch({ type: 'submit', generationId: id });
    // the stream opens first, so no early event is missed
    setGenerationId(id);
    try {
      await startGeneration(id, selected, dialects);
    } catch (err) {
      if (err instanceof ApiError && err.unauthenticated) {
        onUnauthenticated();
        return;
      }
      dispatch({
        type: 'event',
        event: { type: 'error', data: { message: err instanceof Error ? err.message : 'Could not start.', stage: 'start' } },
      });
    }
  };

  const blocks = orderedBlocks(state);
  const percentage = state.progress?.progress_percentage ?? (state.status === 'submitted' ? 0 : null);

  return (
    <section className="card" aria-labelledby="generation-title">
      <h2 id="generation-title">Generate a semantic layer</h2>
      <form className="row wrap" onSubmit={start}>
        <label>
          Document
          <select value={selected} onChange={(e) => setDocumentId(e.target.value)} name="document">
            {parsed.length === 0 && <option value="">No parsed document</option>}
            {parsed.map((d) => (
              <option key={d.documentId} value={d.documentId}>
                {d.fileName}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="dialects">
          <legend>Dialects</legend>
          {DIALECTS.map((dialect) => (
            <label key={dialect} className="check">
              <input type="checkbox" checked={dialects.includes(dialect)} onChange={() => toggle(dialect)} />
              {dialect}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={!selected || dialects.length === 0 || running}>
          {running ? 'Generating…' : 'Start'}
        </button>
      </form>

      {state.generationId && (
        <div className="generation" data-status={state.status}>
          <p className="row">
            <span className="muted mono">{state.generationId}</span>
            <span className="spacer" />
            <span className={`badge status-${state.status}`} data-testid="stream-status">
              {state.status}
            </span>
          </p>
          {percentage !== null && (
            <div className="progress" aria-label="Progress">
              <progress max={100} value={percentage} />
              <span>
                {percentage}% {state.progress?.stage ?? ''} {state.progress?.message ? `— ${state.progress.message}` : ''}
              </span>
            </div>
          )}

          {state.errors.length > 0 && (
            <ul className="errors" role="alert">
              {state.errors.map((err, i) => (
                <li key={i}>
                  {err.stage ? <strong>{err.stage}: </strong> : null}
                  {err.message}
                </li>
              ))}
            </ul>
          )}

          <div className="columns">
            <div>
              <h3>Blocks</h3>
              {blocks.length === 0 && <p className="muted">Waiting for the first block…</p>}
              <ol className="blocks">
                {blocks.map((block) => (
                  <li key={block.key} className="block" data-block={block.name}>
                    <header className="row">
                      <strong>{block.name}</strong>
                      {block.target && <span className="muted">{block.target}</span>}
                      {block.dialect && <span className="muted">{block.dialect}</span>}
                      <span className="spacer" />
                      <span className={`badge ${block.status}`}>{block.status}</span>
                    </header>
                    {block.sql && <pre className="sql">{block.sql}</pre>}
                  </li>
                ))}
              </ol>
              {Object.keys(state.code).length > 0 && (
                <>
                  <h3>Live code</h3>
                  {Object.entries(state.code).map(([key, code]) => (
                    <div key={key} className="code-chunk">
                      <span className="muted">{key}</span>
                      <pre className="sql">{code}</pre>
                    </div>
                  ))}
                </>
              )}
            </div>
            <aside>
              <h3>Thoughts</h3>
              {state.thoughts.length === 0 ? (
                <p className="muted">–</p>
              ) : (
                <ul className="thoughts">
                  {state.thoughts.map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              )}
              <h3>Validation</h3>
              {state.validations.length === 0 ? (
                <p className="muted">–</p>
              ) : (
                <ul className="validations">
                  {state.validations.map((v, i) => (
                    <li key={`${v.validation_id ?? ''}-${v.index ?? i}-${v.check}`} className={`validation ${v.status}`}>
                      <span className={`badge ${v.status}`}>{v.status}</span> <strong>{v.check}</strong>
                      {v.target ? ` ${v.target}${v.column ? '.' + v.column : ''}` : ''}
                      {v.dialect ? ` (${v.dialect})` : ''}
                      {v.message ? <div className="muted">{v.message}</div> : null}
                      {v.code ? <div className="muted mono">{v.code}</div> : null}
                      {v.mapping_refs && v.mapping_refs.length > 0 ? (
                        <div className="muted mono">{v.mapping_refs.join(', ')}</div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </aside>
          </div>

          {state.finalSql !== null && (
            <div className="final">
              <h3>Final SQL{state.filename ? ` — ${state.filename}` : ''}</h3>
              <pre className="sql" data-testid="final-sql">
                {state.finalSql}
              </pre>
              <p className="row wrap downloads">
                {(Object.keys(state.artifacts).length > 0 ? Object.keys(state.artifacts) : dialects).map((dialect) => (
                  <a key={dialect} href={artifactUrl(state.generationId!, dialect)} download>
                    Download {dialect}
                  </a>
                ))}
              </p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
