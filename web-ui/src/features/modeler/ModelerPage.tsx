import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { listDataSources, type DataSourceSummary } from '../../api/datasources';
import { ModelerDrawer } from './ModelerDrawer';

/**
 * The AI data modeler (seed 003): the tenant's data sources, each with "Build with AI", which opens the modeler drawer
 * on it. The drawer's data source (or the saved data model it shows) is in the URL, so a reload reopens it and the
 * open session is restored from the server.
 */
export default function ModelerPage() {
  const [params, setParams] = useSearchParams();
  const [sources, setSources] = useState<DataSourceSummary[] | null>(null);
  const dataSourceId = params.get('dataSource');
  const dataModelId = params.get('dataModel');

  useEffect(() => {
    listDataSources().then(setSources, () => setSources([]));
  }, []);

  const name = (id: string | null) => sources?.find((s) => s.dataSourceId === id)?.name ?? id ?? '';
  return (
    <div className="page">
      <h1>AI data modeler</h1>
      <p className="muted">
        Pick a data source: its schema is read into a structural analysis (facts, dimensions, relationships, integrity on the sample rows, a
        proposed star schema and its DDL) without a language model; the conversation about it needs one.
      </p>
      {sources === null ? (
        <p className="muted">Loading the data sources…</p>
      ) : sources.length === 0 ? (
        <p className="muted">Your tenant has no data source yet: upload sample tables on a document page or register a database.</p>
      ) : (
        <ul className="plain modeler-sources" data-testid="modeler-sources">
          {sources.map((s) => (
            <li key={s.dataSourceId} data-datasource={s.dataSourceId}>
              <strong>{s.name || s.dataSourceId}</strong> <span className="muted mono">{s.kind ?? ''}</span>{' '}
              <button type="button" onClick={() => setParams({ dataSource: s.dataSourceId })} aria-label={`Build with AI on ${s.name || s.dataSourceId}`}>
                Build with AI
              </button>
            </li>
          ))}
        </ul>
      )}
      {dataSourceId || dataModelId ? (
        <ModelerDrawer
          key={dataModelId ?? dataSourceId ?? ''}
          dataSourceId={dataSourceId}
          dataModelId={dataModelId}
          dataSourceName={name(dataSourceId)}
          onSaved={(id) => setParams({ dataModel: id })}
          onClose={() => setParams({})}
        />
      ) : null}
    </div>
  );
}
