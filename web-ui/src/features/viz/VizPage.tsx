import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { deleteTemplate, fetchResult, getTemplate, listDataSources, listTemplates, rerunTemplate, sandboxOrigin, saveTemplate, streamRun, type DataSourceSummary } from './api';
import { ParamControls } from './ParamControls';
import { SandboxFrame } from './SandboxFrame';
import { vizParamsSchema, type QueryResult, type VizParams, type VizTemplate } from './schema';
import { useDebounced } from './useDebounced';

interface DataInfo {
  url: string;
  format: 'json' | 'parquet';
  size: 'small' | 'large';
}

/** Ask a question of a data source; watch the thoughts and code stream; see and tune the chart; save it. */
export function VizPage() {
  const { templateId } = useParams();
  const navigate = useNavigate();
  const [origin, setOrigin] = useState<string | null>(null);
  const [sources, setSources] = useState<DataSourceSummary[]>([]);
  const [templates, setTemplates] = useState<VizTemplate[]>([]);
  const [dataSourceId, setDataSourceId] = useState('');
  const [question, setQuestion] = useState('');
  const [sql, setSql] = useState('');
  const [engine, setEngine] = useState<'duckdb' | 'spark'>('duckdb');
  const [generating, setGenerating] = useState(false);
  const [thoughts, setThoughts] = useState<string[]>([]);
  const [code, setCode] = useState('');
  const [codeComplete, setCodeComplete] = useState(false);
  const [dataInfo, setDataInfo] = useState<DataInfo | null>(null);
  const [data, setData] = useState<QueryResult | null>(null);
  const [params, setParams] = useState<VizParams>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [renders, setRenders] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const shownParams = useDebounced(params, 300);

  useEffect(() => {
    sandboxOrigin().then(setOrigin, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    listDataSources().then(
      (list) => {
        setSources(list);
        setDataSourceId((current) => current || list[0]?.dataSourceId || '');
      },
      () => setSources([]),
    );
    listTemplates().then(setTemplates, () => setTemplates([]));
  }, []);

  const load = useCallback(async (info: DataInfo) => {
    setDataInfo(info);
    try {
      setData(await fetchResult(info.url, info.format));
    } catch (e) {
      setError('The result cannot be read: ' + (e instanceof Error ? e.message : String(e)) + ' (data_fetch)');
    }
  }, []);

  useEffect(() => {
    if (!templateId) return;
    let cancelled = false;
    (async () => {
      try {
        const t = await getTemplate(templateId);
        if (cancelled) return;
        setQuestion(t.prompt);
        setSql(t.generated_sql);
        setEngine(t.data_source === 'spark' ? 'spark' : 'duckdb');
        if (t.data_source_id) setDataSourceId(t.data_source_id);
        setCode(t.ui_code);
        setCodeComplete(true);
        setParams(vizParamsSchema.parse(t.parameters));
        setThoughts([]);
        setSaved(t.id);
        const fresh = await rerunTemplate(t.id);
        if (!cancelled) await load(fresh);
      } catch (e) {
        if (!cancelled) setError(e instanceof ApiError && e.status === 404 ? 'No such template in your tenant.' : String(e instanceof Error ? e.message : e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [templateId, load]);

  async function generate() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setGenerating(true);
    setThoughts([]);
    setCode('');
    setCodeComplete(false);
    setData(null);
    setDataInfo(null);
    setError(null);
    setSaved(null);
    let generatedSql: string | null = null;
    try {
      await streamRun(
        { question, sql: sql.trim() || undefined, dataSourceId, engine },
        (event) => {
          if (event.type === 'thinking') setThoughts((t) => [...t, event.content]);
          else if (event.type === 'code_chunk') setCode((c) => c + event.content);
          else if (event.type === 'data_ready') {
            generatedSql = event.sql ?? null;
            void load({ url: event.url, format: event.format, size: event.size });
          } else if (event.type === 'error') setError(`${event.message} (${event.stage})`);
          else if (event.type === 'unreadable') setError(event.message);
          else if (event.type === 'complete') {
            setCodeComplete(event.code_complete);
            if (event.sql) setSql(event.sql);
            else if (generatedSql) setSql(generatedSql);
            if (event.parameters) setParams(vizParamsSchema.parse(event.parameters));
          }
        },
        controller.signal,
      );
    } catch (e) {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setGenerating(false);
    }
  }

  async function save() {
    if (!dataInfo || !code) return;
    try {
      const t = await saveTemplate(
        {
          prompt: question || sql,
          generated_sql: sql,
          ui_code: code,
          parameters: params as Record<string, unknown>,
          data_source: engine,
          data_source_id: dataSourceId,
          data_url: dataInfo.url,
        },
        saved ?? undefined,
      );
      setSaved(t.id);
      setTemplates(await listTemplates());
      navigate(`/viz/${t.id}`, { replace: true });
    } catch (e) {
      setError('The template was not saved: ' + (e instanceof Error ? e.message : String(e)));
    }
  }

  async function remove() {
    if (!saved) return;
    try {
      await deleteTemplate(saved);
      setSaved(null);
      setTemplates(await listTemplates());
      navigate('/viz', { replace: true });
    } catch (e) {
      setError('The template was not deleted: ' + (e instanceof Error ? e.message : String(e)));
    }
  }

  const onRendered = useCallback(() => setRenders((n) => n + 1), []);
  const canSave = !generating && codeComplete && !!dataInfo && !!code;

  return (
    <section className="viz-page" aria-labelledby="viz-title">
      <h1 id="viz-title">Visualize</h1>
      <form
        className="viz-ask"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <label>
          Data source{' '}
          <select name="dataSourceId" value={dataSourceId} onChange={(e) => setDataSourceId(e.target.value)} required>
            {sources.map((s) => (
              <option key={s.dataSourceId} value={s.dataSourceId}>
                {s.name || s.dataSourceId}
              </option>
            ))}
          </select>
        </label>
        <label>
          Engine{' '}
          <select name="engine" value={engine} onChange={(e) => setEngine(e.target.value as 'duckdb' | 'spark')}>
            <option value="duckdb">DuckDB (sample)</option>
            <option value="spark">Spark</option>
          </select>
        </label>
        <label className="wide">
          Question <input name="question" value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Revenue by order status" />
        </label>
        <label className="wide">
          SQL (optional; needed when no language model is configured)
          <textarea name="sql" rows={3} value={sql} onChange={(e) => setSql(e.target.value)} spellCheck={false} />
        </label>
        <button type="submit" disabled={generating || !dataSourceId || (!question.trim() && !sql.trim())}>
          {generating ? 'Generating...' : 'Generate'}
        </button>
      </form>
      {error ? (
        <p role="alert" className="error" data-testid="viz-run-error">
          {error}
        </p>
      ) : null}
      <div className="viz-grid" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: '1rem' }}>
        <div>
          <ParamControls params={params} generating={generating} onChange={setParams} />
          {origin ? <SandboxFrame origin={origin} code={codeComplete ? code : null} data={data} params={shownParams} onRendered={onRendered} /> : null}
          <p className="muted" data-testid="viz-status">
            {dataInfo ? `${data?.rows.length ?? '…'} rows (${dataInfo.size}, ${dataInfo.format})` : 'No result yet'} · renders: <span data-testid="viz-renders">{renders}</span>
          </p>
          <button type="button" onClick={() => void save()} disabled={!canSave}>
            {saved ? 'Save changes' : 'Save template'}
          </button>
          {saved ? (
            <>
              <span className="muted" data-testid="viz-saved">
                {' '}
                saved as {saved}{' '}
              </span>
              <button type="button" onClick={() => void remove()} disabled={generating}>
                Delete template
              </button>
            </>
          ) : null}
        </div>
        <div>
          <h2>Thoughts</h2>
          <ol data-testid="viz-thoughts">
            {thoughts.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ol>
          <h2>Code</h2>
          <pre data-testid="viz-code" style={{ maxHeight: 300, overflow: 'auto', fontSize: '0.75rem' }}>
            {code}
          </pre>
          <h2>Templates</h2>
          <ul data-testid="viz-templates">
            {templates.map((t) => (
              <li key={t.id}>
                <Link to={`/viz/${t.id}`}>{t.prompt}</Link> <span className="muted">{String(t.parameters.chart_type ?? '')}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

export default VizPage;
