import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { listDataSources, type DataSourceSummary } from '../../api/datasources';
import { listSavedConversations, type SavedConversationSummary } from '../../api/modeler';
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
  const conversationId = params.get('conversation');
  const [saved, setSaved] = useState<SavedConversationSummary[] | null>(null);
  const [savedError, setSavedError] = useState<string | null>(null);
  const [savedAttempt, setSavedAttempt] = useState(0);

  useEffect(() => {
    listDataSources().then(setSources, () => setSources([]));
  }, []);

  // the user's saved conversations, read again after a save
  useEffect(() => {
    let live = true;
    listSavedConversations().then(
      (list) => live && (setSaved(list), setSavedError(null)),
      (err) => live && setSavedError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [savedAttempt]);

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
      <h2>Your saved conversations</h2>
      {savedError ? (
        <p role="alert" className="errors">
          {savedError}{' '}
          <button type="button" className="link" onClick={() => setSavedAttempt((a) => a + 1)}>
            Retry
          </button>
        </p>
      ) : saved === null ? (
        <p className="muted">Loading your saved conversations…</p>
      ) : saved.length === 0 ? (
        <p className="muted" data-testid="saved-conversations-empty">
          None yet: a session saved under a data model id is listed here and opens read-only.
        </p>
      ) : (
        <table className="compact" data-testid="saved-conversations">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Data model</th>
              <th scope="col">Data source</th>
              <th scope="col">Saved</th>
              <th scope="col">Messages</th>
              <th scope="col">Draft</th>
            </tr>
          </thead>
          <tbody>
            {saved.map((c) => (
              <tr key={c.conversationId} data-conversation={c.conversationId} className={c.conversationId === conversationId ? 'selected' : ''}>
                <td>
                  <button type="button" className="link" onClick={() => setParams({ dataModel: c.dataModelId, conversation: c.conversationId })} aria-label={`Open the saved conversation ${c.title || c.dataModelId}`}>
                    {c.title || c.dataModelId}
                  </button>
                </td>
                <td className="mono">{c.dataModelId}</td>
                <td>{name(c.dataSourceId)}</td>
                <td>{new Date(c.savedAt).toLocaleString()}</td>
                <td>{c.messageCount}</td>
                <td>{c.modelDraftVersion ? `version ${c.modelDraftVersion}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dataSourceId || dataModelId ? (
        <ModelerDrawer
          key={`${dataModelId ?? dataSourceId ?? ''}|${conversationId ?? ''}`}
          dataSourceId={dataModelId ? null : dataSourceId}
          dataModelId={dataModelId}
          conversationId={conversationId}
          dataSourceName={name(dataSourceId)}
          onSaved={(id) => {
            setSavedAttempt((a) => a + 1);
            setParams({ dataModel: id });
          }}
          onClose={() => setParams({})}
        />
      ) : null}
    </div>
  );
}
