import { followWithSession } from '../../api/sessionKeeper';
import { useEffect, useMemo, useState } from 'react';
import { artifactBytes, artifactText, artifactUrl, DIALECT_LABELS, DIALECTS, editBlock, SQL_DIALECTS, type Dialect } from '../../api/generations';
import { assembleLayer } from '../../layer/assemble';
import { projectText, readZip } from '../../layer/zip';
import { blocksByTarget, type BlockView, type GenerationState } from '../../stream/generationReducer';
import { useReportError, useToasts } from '../../shell/toasts';
import { BlockHistory } from './BlockHistory';
import type { RevealRequest } from './Checks';
import { CodeEditor } from './CodeEditor';

interface Props {
  state: GenerationState;
  generationId: string;
  dialects: string[];
  /** after a hand edit or a restore: follow the stream again for the new version and its validation */
  onEdited: () => void;
  /** the dialect shown changed (the checks list looks up lines in it) */
  onDialect?: (dialect: Dialect) => void;
  /** show a block and a line of it, e.g. where a failing check points */
  reveal?: RevealRequest | null;
}

/**
 * The layer in an editor: targets and their blocks on the left, the assembled layer (or one block,
 * editable) on the right, in the dialect chosen. PySpark and dbt are whole artifacts, not blocks: the .py job, and
 * the dbt project's files read from its zip.
 */
export function LayerEditor({ state, generationId, dialects, onEdited, onDialect, reveal }: Props) {
  const available = DIALECTS.filter((d) => dialects.includes(d));
  const [dialect, setDialect] = useState<Dialect>((state.primaryDialect as Dialect) ?? available[0] ?? 'duckdb');
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [artifact, setArtifact] = useState<{ dialect: string; text: string } | null>(null);
  const report = useReportError();
  const { push } = useToasts();

  useEffect(() => {
    if (state.primaryDialect && !dialects.includes(dialect)) {
      setDialect(state.primaryDialect as Dialect);
    }
  }, [state.primaryDialect, dialects, dialect]);

  useEffect(() => {
    onDialect?.(dialect);
  }, [dialect, onDialect]);

  useEffect(() => {
    if (reveal && state.blocks[reveal.blockKey]) {
      setSelected(reveal.blockKey);
      setShowHistory(false);
    }
  }, [reveal, state.blocks]);

  const groups = useMemo(() => blocksByTarget(state), [state]);
  const isSql = SQL_DIALECTS.includes(dialect);
  const layer = useMemo(() => assembleLayer(groups, dialect), [groups, dialect]);
  const block: BlockView | null = selected ? state.blocks[selected] ?? null : null;

  useEffect(() => {
    if (isSql || !state.finished || !state.artifacts[dialect]) {
      return;
    }
    if (artifact?.dialect === dialect) return;
    // the dbt project is a zip: its models, sources and tests are shown file by file
    const text = dialect === 'dbt' ? artifactBytes(generationId, dialect).then(readZip).then(projectText) : artifactText(generationId, dialect);
    text.then(
      (text) => setArtifact({ dialect, text }),
      (err) => report(err),
    );
  }, [isSql, dialect, state.finished, state.artifacts, generationId, artifact, report]);

  useEffect(() => {
    setDraft(null);
  }, [selected, dialect, block?.version]);

  const save = async (sql: string, what: string) => {
    if (!block) return;
    setSaving(true);
    try {
      await editBlock(generationId, block.target, block.name, dialect, sql);
      push({ kind: 'info', text: `${what}: ${block.target} · ${block.name} is saved as a new version and validated again.` });
      setDraft(null);
      onEdited();
    } catch (err) {
      report(err, `Saving ${block.name} failed`);
    } finally {
      setSaving(false);
    }
  };

  let editorValue: string;
  let language: 'sql' | 'python' | 'plaintext' = 'sql';
  if (!isSql) {
    language = dialect === 'pyspark' ? 'python' : 'sql';
    const what = dialect === 'pyspark' ? '# The PySpark job' : '-- The dbt project (models, sources, tests)';
    editorValue = artifact?.dialect === dialect ? artifact.text : state.finished ? `${what}: loading…` : `${what} is written when the layer is complete.`;
  } else if (block) {
    editorValue = draft ?? block.sql[dialect] ?? '-- (this block has no text in this dialect yet)';
  } else {
    editorValue = layer.text || '-- waiting for the first block…';
  }
  const editable = isSql && block !== null && block.sql[dialect] !== undefined && state.generationStatus !== 'generating';

  return (
    <section className="editor-pane" aria-labelledby="editor-title">
      <header className="row wrap">
        <h2 id="editor-title">{state.layerName ?? 'Semantic layer'}</h2>
        <span className="spacer" />
        <label>
          Dialect{' '}
          <select value={dialect} onChange={(e) => setDialect(e.target.value as Dialect)} data-testid="dialect">
            {available.map((d) => (
              <option key={d} value={d}>
                {DIALECT_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="editor-body">
        <nav className="block-tree" aria-label="Targets and blocks">
          <button type="button" className={`tree-item${selected === null ? ' active' : ''}`} aria-pressed={selected === null} onClick={() => setSelected(null)}>
            Whole layer
          </button>
          {groups.map(([target, blocks]) => (
            <div key={target} className="tree-target" data-target={target}>
              <div className="tree-target-name">{target}</div>
              {blocks.map((b) => (
                <button
                  type="button"
                  key={b.key}
                  data-block={b.key}
                  data-version={b.version ?? ''}
                  className={`tree-item ${b.status}${selected === b.key ? ' active' : ''}`}
                  aria-pressed={selected === b.key}
                  onClick={() => {
                    setSelected(b.key);
                    setShowHistory(false);
                  }}
                >
                  {b.name} <span className="muted">{b.version ? `v${b.version}` : ''}</span>
                  <span className={`dot ${b.status}`} aria-label={b.status} />
                </button>
              ))}
            </div>
          ))}
        </nav>
        <div className="editor-main">
          <CodeEditor
            value={editorValue}
            language={language}
            readOnly={!editable}
            docKey={`${selected ?? 'layer'}|${dialect}|${block?.version ?? ''}`}
            label={block ? `${block.target} ${block.name} in ${DIALECT_LABELS[dialect]}` : `Layer in ${DIALECT_LABELS[dialect]}`}
            onChange={editable ? (v) => setDraft(v === (block?.sql[dialect] ?? '') ? null : v) : undefined}
            reveal={reveal && reveal.line && block && reveal.blockKey === block.key ? { line: reveal.line, nonce: reveal.nonce } : null}
          />
          {block && (
            <div className="row wrap editor-actions">
              <span className="muted">
                {block.target} · {block.name} v{block.version ?? '–'} · {block.status}
              </span>
              <span className="spacer" />
              <button type="button" disabled={!editable || draft === null || saving} onClick={() => draft !== null && void save(draft, 'Edit')}>
                {saving ? 'Saving…' : 'Save as new version'}
              </button>
              <button type="button" className="secondary" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
                History
              </button>
            </div>
          )}
          {block && showHistory && (
            <BlockHistory
              generationId={generationId}
              block={block}
              dialect={dialect}
              onRestore={(sql, version) => void save(sql, `Restored v${version}`)}
            />
          )}
          {!isSql && state.artifacts[dialect] && (
            <p>
              <a href={artifactUrl(generationId, dialect)} download onClick={followWithSession}>
                Download the {DIALECT_LABELS[dialect]} artifact
              </a>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
