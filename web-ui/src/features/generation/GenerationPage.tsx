import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { getRows, type MappingRow } from '../../api/documents';
import {
  aiStatus,
  getGeneration,
  getLineage,
  startGeneration,
  TERMINAL_STATUSES,
  type AiStatus,
  type GenerationDetail,
  type Lineage,
} from '../../api/generations';
import { ApiError } from '../../api/http';
import type { Candidates } from '../../refs/references';
import { initialGenerationState, type GenerationState } from '../../stream/generationReducer';
import { loadGeneration, saveGeneration } from '../../stream/persistence';
import { useGenerationStream } from '../../stream/useGenerationStream';
import { useOwner } from '../../shell/session';
import { useReportError } from '../../shell/toasts';
import { ChatPanel } from './ChatPanel';
import { Checks, type RevealRequest } from './Checks';
import { Downloads } from './Downloads';
import { FlaggedColumns, flaggedColumns } from './FlaggedColumns';
import { LayerEditor } from './LayerEditor';
import { LineageView } from './LineageView';
import { ProgressBar } from './ProgressBar';
import { RuleAssist } from './RuleAssist';

interface StartRequest {
  documentId: string;
  dialects: string[];
  /** the sample data to validate on; none: rows made up from the mapping */
  dataSourceId?: string;
}

const SAVE_DELAY_MS = 250;

/**
 * The generation workspace (seed 000): the browser named the generation, opens its event stream, then
 * asks for it to start; the state is kept in localStorage, so a reload or a dropped network resumes
 * from it plus the server's hashmap_sync, after the last event id seen.
 */
export default function GenerationPage() {
  const { generationId = '' } = useParams();
  const owner = useOwner();
  const location = useLocation();
  const navigate = useNavigate();
  const report = useReportError();
  // the start request, kept after the router state is cleared (the same id twice is the same generation)
  const [start] = useState<StartRequest | null>(() => (location.state as { start?: StartRequest } | null)?.start ?? null);

  const restored = useMemo(() => loadGeneration(window.localStorage, owner, generationId), [owner, generationId]);
  const initial: GenerationState = restored ?? { ...initialGenerationState, generationId, status: 'submitted' };
  const [detail, setDetail] = useState<GenerationDetail | null>(null);
  const stream = useGenerationStream(generationId, !(restored?.finished ?? false), { initial });
  const { state, dispatch, reopen } = stream;
  const [lineage, setLineage] = useState<Lineage | null>(null);
  const [rows, setRows] = useState<MappingRow[]>([]);
  const [ai, setAi] = useState<AiStatus | null>(null);
  const started = useRef(false);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [shownDialect, setShownDialect] = useState<string>('duckdb');

  // stream first (above), then the start request; the same id twice is the same generation
  useEffect(() => {
    if (!start || started.current) return;
    started.current = true;
    startGeneration(generationId, start.documentId, start.dialects, start.dataSourceId).then(
      () => {
        navigate(location.pathname, { replace: true, state: null });
        void refresh();
      },
      (err) => {
        report(err, 'The generation could not start');
        dispatch({ type: 'event', event: { type: 'error', data: { message: err instanceof ApiError ? err.message : String(err), stage: 'start' } } });
      },
    );
  }, [start, generationId, navigate, location.pathname, report, dispatch]);

  const refresh = useCallback(async () => {
    try {
      const d = await getGeneration(generationId);
      setDetail(d);
      dispatch({ type: 'event', event: { type: 'hashmap_sync', data: { complete_hashmap: d, reason: 'recovery' } } });
      if (TERMINAL_STATUSES.includes(d.status ?? '')) {
        if (d.status === 'failed' && d.error?.message && !state.errors.length) {
          dispatch({ type: 'event', event: { type: 'error', data: { message: d.error.message, stage: d.error.stage, code: d.error.code } } });
        } else if (!state.finished) {
          dispatch({
            type: 'event',
            event: {
              type: 'generation_complete',
              data: { filename: d.filename, artifacts: d.artifacts ?? {}, columns_needing_attention: d.columnsNeedingAttention ?? 0 },
            },
          });
        }
      }
    } catch (err) {
      // a generation this page just asked for may not be stored yet: its stream tells the rest
      if (!(err instanceof ApiError && err.status === 404 && start)) {
        report(err, 'Loading the generation failed');
      }
    }
    // state is read for the decision only; refresh runs on load and on completion
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generationId, dispatch, report, start]);

  useEffect(() => {
    if (!start) void refresh();
  }, [refresh, start]);


  // once complete: every dialect's blocks (the checkpoint snapshot), the lineage of flagged columns
  useEffect(() => {
    if (!state.finished || state.status === 'error') return;
    void refresh();
    getLineage(generationId).then(setLineage, () => setLineage(null));
  }, [state.finished, state.status, generationId, refresh, state.lastEventId]);

  const documentId = detail?.documentId ?? detail?.document_id ?? start?.documentId ?? null;
  // the rows of the spec version the generation compiled (the latest until the detail says which)
  const specVersion = detail?.spec_version;
  useEffect(() => {
    if (!documentId) return;
    getRows(documentId, specVersion).then((r) => setRows(r.rows), () => setRows([]));
  }, [documentId, specVersion]);
  useEffect(() => {
    aiStatus().then(setAi, () => setAi(null));
  }, []);

  // keep the hashmap in localStorage
  useEffect(() => {
    const timer = setTimeout(() => saveGeneration(window.localStorage, owner, state), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, owner]);

  const candidates: Candidates = useMemo(() => {
    const schema = new Set<string>();
    for (const r of rows) {
      for (const s of r.sourceColumns) if (s.table) schema.add(`${s.table}.${s.column}`);
      if (r.targetTable && r.targetColumn) schema.add(`${r.targetTable}.${r.targetColumn}`);
    }
    const stages = new Set<string>(['loading_spec', 'compiling', 'validating', 'completed']);
    state.chat.forEach((c) => c.stage && stages.add(c.stage));
    return {
      mapping: rows.map((r) => `${r.sheet}:${r.rowNumber}`),
      code: Object.values(state.blocks).map((b) => `${b.target}.${b.name}`),
      schema: [...schema].sort(),
      generation: [...stages],
    };
  }, [rows, state.blocks, state.chat]);

  const dialects = detail?.dialects ?? start?.dialects ?? (state.primaryDialect ? [state.primaryDialect] : []);
  return (
    <div className="page workspace">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/documents">Documents</Link>
        {documentId ? (
          <>
            {' '}
            / <Link to={`/documents/${encodeURIComponent(documentId)}`}>{detail?.metadata?.mapping_file ?? 'document'}</Link>
          </>
        ) : null}{' '}
        / <span className="mono">{generationId}</span>
      </nav>
      <div className="row wrap">
        <ProgressBar state={state} />
        <span className={`badge status-${state.status}`} data-testid="stream-status">
          {state.finished ? (state.status === 'error' ? 'failed' : 'complete') : state.status}
        </span>
      </div>
      {state.errors.length > 0 && (
        <ul className="errors" role="alert">
          {state.errors.map((e, i) => (
            <li key={i}>
              <strong>{e.stage ?? 'error'}:</strong> {e.message} {e.code ? <span className="mono">[{e.code}]</span> : null}
            </li>
          ))}
        </ul>
      )}
      <div className="workspace-panes">
        <ChatPanel
          state={state}
          generationId={generationId}
          documentId={documentId}
          candidates={candidates}
          ai={ai}
          onPrompt={(text) => dispatch({ type: 'prompt', text })}
          onRefused={(text, code) => dispatch({ type: 'refused', stage: 'refine', text, code })}
          onSent={reopen}
          dialect={shownDialect}
        />
        <div className="workspace-right">
          <LayerEditor state={state} generationId={generationId} dialects={dialects} onEdited={reopen} onDialect={setShownDialect} reveal={reveal} />
          <Checks state={state} dialect={shownDialect} documentId={documentId} onReveal={setReveal} />
          <FlaggedColumns lineage={lineage} documentId={documentId} />
          {lineage ? <RuleAssist generationId={generationId} documentId={documentId} ai={ai} flagged={flaggedColumns(lineage).length} /> : null}
          <LineageView
            lineage={lineage}
            documentId={documentId}
            rows={rows}
            joinsOf={(target) => state.blocks[`${target}/joins`]?.sql[shownDialect] ?? Object.values(state.blocks).find((b) => b.target === target && b.name === 'joins')?.sql[shownDialect]}
          />
          <Downloads state={state} generationId={generationId} documentId={documentId} />
        </div>
      </div>
    </div>
  );
}
