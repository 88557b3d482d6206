import { useEffect, useMemo, useState } from 'react';
import { modelerAnalysis, saveModelDraft, type ModelerSession } from '../../api/modeler';
import { useReportError } from '../../shell/toasts';
import { draftFromStarSchema, draftProblems, editDraft, readDraft, type DraftEdit, type ModelDraft } from './draft';

interface Props {
  /** the data source of the open session; null for a saved conversation */
  dataSourceId: string | null;
  session: ModelerSession;
  readOnly: boolean;
  /** the server stored a new version of the draft */
  onSaved: (draft: NonNullable<ModelerSession['modelDraft']>) => void;
}

/**
 * The session's model draft (seed 003): the recommended model the user changes (rename, remove, add a dimension)
 * and saves as the draft's next version in the session; a reload restores the latest version. Until a first save the
 * analysis' star schema is shown as the proposal. A saved conversation shows the draft it was saved with.
 */
export function ModelDraftPanel({ dataSourceId, session, readOnly, onSaved }: Props) {
  // a new session object (after a chat turn) keeps the edits; only a new draft version replaces them
  const storedVersion = session.modelDraft ? `${session.modelDraft.version}|${session.modelDraft.lastModified ?? ''}` : '';
  const stored = useMemo(() => readDraft(session.modelDraft?.model), [storedVersion]);
  const [proposal, setProposal] = useState<ModelDraft | null>(() => (session.analysis?.starSchema ? draftFromStarSchema(session.analysis.starSchema) : null));
  const [working, setWorking] = useState<ModelDraft | null>(stored ?? proposal);
  const [newDimension, setNewDimension] = useState({ name: '', source: '' });
  const [saving, setSaving] = useState(false);
  const report = useReportError();

  // a restored session without a draft: the proposal comes from the data source's analysis
  useEffect(() => {
    if (stored || proposal || readOnly || !dataSourceId) return;
    let live = true;
    modelerAnalysis(dataSourceId).then(
      (a) => live && setProposal(draftFromStarSchema(a.starSchema as Parameters<typeof draftFromStarSchema>[0])),
      () => live && setProposal({ facts: [], dimensions: [] }),
    );
    return () => {
      live = false;
    };
  }, [stored, proposal, readOnly, dataSourceId]);

  // a new version (saved here, or taken from the modeler's answer) replaces what is shown
  useEffect(() => {
    setWorking(stored ?? proposal);
  }, [stored, proposal]);

  const base = stored ?? proposal;
  const version = session.modelDraft?.version ?? null;
  if (!working || !base) {
    return readOnly ? null : <p className="muted">Reading the proposed model…</p>;
  }
  const dirty = JSON.stringify(working) !== JSON.stringify(base);
  const problems = draftProblems(working);
  const edit = (e: DraftEdit) => setWorking((w) => (w ? editDraft(w, e) : w));

  const save = async () => {
    if (!dataSourceId) return;
    setSaving(true);
    try {
      onSaved(await saveModelDraft(dataSourceId, working));
    } catch (err) {
      report(err, 'The draft could not be saved');
    } finally {
      setSaving(false);
    }
  };

  const tables = (kind: 'fact' | 'dimension') => {
    const list = kind === 'fact' ? working.facts : working.dimensions;
    const label = kind === 'fact' ? 'fact' : 'dimension';
    return (
      <ul className="plain draft-tables" data-draft={kind}>
        {list.map((t, i) => {
          const detail =
            'measures' in t
              ? [t.grain, t.dimensions.length ? `dimensions: ${t.dimensions.join(', ')}` : '', t.measures.length ? `measures: ${t.measures.join(', ')}` : '']
              : [t.source ? `from ${t.source}` : '', t.attributes.length ? `${t.attributes.length} attributes` : ''];
          return (
            <li key={`${kind}-${i}`} data-table={t.name}>
              {readOnly ? (
                <strong className="mono">{t.name}</strong>
              ) : (
                <>
                  <input aria-label={`Name of ${label} ${i + 1}`} className="mono" value={t.name} onChange={(e) => edit({ kind: 'rename', table: kind, index: i, name: e.target.value })} />
                  <button type="button" className="secondary small" aria-label={`Remove ${label} ${t.name || i + 1}`} onClick={() => edit({ kind: 'remove', table: kind, index: i })}>
                    Remove
                  </button>
                </>
              )}{' '}
              <span className="muted small">{detail.filter(Boolean).join(' · ')}</span>
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <details className="model-draft" open data-testid="model-draft" data-version={version ?? ''} data-dirty={dirty ? 'true' : 'false'}>
      <summary>
        Model draft{' '}
        {version ? (
          <span data-testid="model-draft-version">
            version {version}
            {session.modelDraft?.lastModified ? `, saved ${new Date(session.modelDraft.lastModified).toLocaleString()}` : ''}
          </span>
        ) : (
          <span className="muted">proposed by the analysis, not saved yet</span>
        )}
        {dirty ? <span className="badge"> unsaved changes</span> : null}
      </summary>
      <h4>Facts</h4>
      {tables('fact')}
      <h4>Dimensions</h4>
      {tables('dimension')}
      {readOnly ? null : (
        <>
          <form
            className="row wrap"
            onSubmit={(e) => {
              e.preventDefault();
              if (!newDimension.name.trim()) return;
              edit({ kind: 'addDimension', ...newDimension });
              setNewDimension({ name: '', source: '' });
            }}
          >
            <label>
              New dimension <input className="mono" value={newDimension.name} onChange={(e) => setNewDimension((d) => ({ ...d, name: e.target.value }))} />
            </label>
            <label>
              from table <input className="mono" value={newDimension.source} onChange={(e) => setNewDimension((d) => ({ ...d, source: e.target.value }))} />
            </label>
            <button type="submit" className="secondary" disabled={!newDimension.name.trim()}>
              Add dimension
            </button>
          </form>
          {problems.length > 0 && (
            <ul className="errors" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="row wrap">
            <button type="button" disabled={saving || problems.length > 0 || (!dirty && version !== null)} onClick={() => void save()}>
              {saving ? 'Saving…' : `Save draft as version ${(version ?? 0) + 1}`}
            </button>
            {dirty ? (
              <button type="button" className="secondary" onClick={() => setWorking(base)}>
                Discard changes
              </button>
            ) : null}
          </div>
        </>
      )}
    </details>
  );
}
