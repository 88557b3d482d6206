import { useEffect, useRef, useState } from 'react';
import { aiStatus, type AiStatus } from '../../api/generations';
import { ApiError } from '../../api/http';
import {
  cancelModelerSession,
  DDL_DIALECTS,
  ddlUrl,
  openModelerSession,
  savedConversation,
  saveModelDraft,
  saveModelerSession,
  streamModelerTurn,
  type ModelerSession,
} from '../../api/modeler';
import { useReportError } from '../../shell/toasts';
import { draftFromAnswer } from './draft';
import { Markdown } from './Markdown';
import { ModelDraftPanel } from './ModelDraftPanel';

interface Props {
  /** the data source of the open session (null: a saved conversation is shown) */
  dataSourceId: string | null;
  /** the saved data model whose conversation is shown read-only */
  dataModelId: string | null;
  /** which saved conversation of the data model (null: its latest) */
  conversationId?: string | null;
  dataSourceName: string;
  onSaved: (dataModelId: string) => void;
  onClose: () => void;
}

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; session: ModelerSession } | { kind: 'cancelled' };

/**
 * The modeler drawer: the session on one data source (new, or restored from the server after a reload), its messages
 * (the first is the deterministic analysis), a streamed chat turn when a model is configured, save (to a data model,
 * read-only afterwards) and cancel; or a saved conversation, read-only.
 */
export function ModelerDrawer({ dataSourceId, dataModelId, conversationId = null, dataSourceName, onSaved, onClose }: Props) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [ai, setAi] = useState<AiStatus | null>(null);
  const [text, setText] = useState('');
  const [streaming, setStreaming] = useState<{ question: string; answer: string } | null>(null);
  const [turnError, setTurnError] = useState<string | null>(null);
  const [modelId, setModelId] = useState(() => `dm_${(dataSourceId ?? '').replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const log = useRef<HTMLOListElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const report = useReportError();

  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    const request = dataModelId ? savedConversation(dataModelId, conversationId) : openModelerSession(dataSourceId ?? '');
    request.then(
      (session) => live && setLoad({ kind: 'ready', session }),
      (err) => live && setLoad({ kind: 'failed', message: err instanceof ApiError ? err.message : String(err) }),
    );
    aiStatus().then((s) => live && setAi(s), () => live && setAi(null));
    return () => {
      live = false;
    };
  }, [dataSourceId, dataModelId, conversationId, attempt]);

  // the drawer takes the focus when it opens; Escape closes it (the session stays open on the server)
  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  const messageCount = load.kind === 'ready' ? load.session.messages.length : 0;
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [messageCount, streaming?.answer]);

  const session = load.kind === 'ready' ? load.session : null;
  const readOnly = session?.readOnly === true || session?.source === 'database';
  const noModel = ai !== null && !ai.configured;

  const send = async () => {
    const question = text.trim();
    if (!question || !dataSourceId || streaming) return;
    setStreaming({ question, answer: '' });
    setTurnError(null);
    try {
      const next = await streamModelerTurn(dataSourceId, question, (delta) =>
        setStreaming((s) => (s ? { ...s, answer: s.answer + delta } : s)),
      );
      setLoad({ kind: 'ready', session: next });
      setText('');
    } catch (err) {
      setTurnError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setStreaming(null);
    }
  };

  /** the server stored a new draft version: the session shows it (and a reload restores it) */
  const draftSaved = (draft: NonNullable<ModelerSession['modelDraft']>) =>
    setLoad((l) => (l.kind === 'ready' ? { kind: 'ready', session: { ...l.session, modelDraft: draft } } : l));

  /** the modeler's answer changed the model: its JSON block becomes the draft's next version */
  const takeDraft = async (answer: string) => {
    const draft = draftFromAnswer(answer);
    if (!draft || !dataSourceId) return;
    setBusy(true);
    try {
      draftSaved(await saveModelDraft(dataSourceId, draft));
    } catch (err) {
      report(err, 'The draft could not be saved');
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!dataSourceId) return;
    setBusy(true);
    try {
      const saved = await saveModelerSession(dataSourceId, modelId.trim(), title.trim());
      onSaved(saved.dataModelId ?? modelId.trim());
    } catch (err) {
      report(err, 'The session could not be saved');
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!dataSourceId) return;
    setBusy(true);
    try {
      await cancelModelerSession(dataSourceId);
      setLoad({ kind: 'cancelled' });
    } catch (err) {
      report(err, 'The session could not be cancelled');
    } finally {
      setBusy(false);
    }
  };

  const s = session?.summary;
  return (
    <aside
      className="drawer modeler"
      role="dialog"
      aria-modal="false"
      aria-labelledby="modeler-title"
      data-testid="modeler"
      data-source={session?.source ?? ''}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="drawer-head">
        <h2 id="modeler-title">{dataModelId ? `Data model ${dataModelId}` : `Modeler · ${dataSourceName}`}</h2>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close the modeler" ref={closeButton}>
          Close
        </button>
      </header>
      {load.kind === 'loading' && <p className="muted">Reading the schema…</p>}
      {load.kind === 'failed' && (
        <div role="alert" className="errors">
          <p>{load.message}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            Retry
          </button>
        </div>
      )}
      {load.kind === 'cancelled' && (
        <p data-testid="modeler-cancelled">
          Session cancelled: nothing was saved.{' '}
          <button type="button" className="link" onClick={() => setAttempt((a) => a + 1)}>
            Start a new one
          </button>
        </p>
      )}
      {session && (
        <>
          {s ? (
            <p className="muted" data-testid="modeler-summary">
              {s.tableCount ?? 0} tables, {s.totalColumns ?? 0} columns, {s.totalForeignKeys ?? 0} foreign keys
              {s.inferredReferences ? `, ${s.inferredReferences} inferred references` : ''}, {s.avgColumnsPerTable ?? 0} columns per table on average
            </p>
          ) : null}
          {session.restored && !readOnly ? (
            <p className="notice" data-testid="modeler-restored">
              Restored: your open session on this data source{session.lastActivity ? `, last active ${new Date(session.lastActivity).toLocaleString()}` : ''}.
            </p>
          ) : null}
          {readOnly ? (
            <p className="notice" data-testid="modeler-read-only">
              Saved conversation{session.title ? ` “${session.title}”` : ''}
              {session.savedAt ? ` (${new Date(session.savedAt).toLocaleString()})` : ''}: read-only.
            </p>
          ) : null}
          <ol className="modeler-log" ref={log} aria-live="polite" data-testid="modeler-messages">
            {session.messages.map((m, i) => (
              <li key={i} className={`modeler-message ${m.role}`} data-role={m.role}>
                <span className="chat-kind">{m.role === 'user' ? 'You' : 'Modeler'}</span>
                <div className="modeler-text">{m.role === 'user' ? m.content : <Markdown text={m.content} />}</div>
                {m.role !== 'user' && !readOnly && dataSourceId && draftFromAnswer(m.content) ? (
                  <button type="button" className="secondary small" disabled={busy || streaming !== null} onClick={() => void takeDraft(m.content)} aria-label={`Use the model of answer ${i + 1} as the draft`}>
                    Use as draft
                  </button>
                ) : null}
              </li>
            ))}
            {streaming ? (
              <>
                <li className="modeler-message user" data-role="user">
                  <span className="chat-kind">You</span>
                  <div className="modeler-text">{streaming.question}</div>
                </li>
                <li className="modeler-message assistant" data-role="assistant" data-testid="modeler-streaming">
                  <span className="chat-kind">Modeler (writing…)</span>
                  <div className="modeler-text">
                    <Markdown text={streaming.answer} />
                  </div>
                </li>
              </>
            ) : null}
          </ol>
          <ModelDraftPanel key={session.conversationId} dataSourceId={dataSourceId} session={session} readOnly={readOnly} onSaved={draftSaved} />
          {dataSourceId && !readOnly ? (
            <p className="row wrap" role="group" aria-label="Star schema DDL">
              <span className="muted">Star schema DDL:</span>
              {DDL_DIALECTS.map((d) => (
                <a key={d} href={ddlUrl(dataSourceId, d)} download data-ddl={d}>
                  {d}
                </a>
              ))}
            </p>
          ) : null}
          {turnError ? (
            <p role="alert" className="errors" data-testid="modeler-error">
              {turnError}
            </p>
          ) : null}
          {!readOnly && dataSourceId ? (
            <>
              <form
                className="chat-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void send();
                }}
              >
                <label htmlFor="modeler-prompt">Ask the modeler</label>
                {noModel ? (
                  <p className="muted" data-testid="modeler-no-model">
                    The analysis above comes from the schema itself; the conversation needs a language model, and none is configured for your tenant.
                  </p>
                ) : null}
                <textarea
                  id="modeler-prompt"
                  rows={3}
                  value={text}
                  disabled={noModel || streaming !== null}
                  onChange={(e) => setText(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      void send();
                    }
                  }}
                />
                <button type="submit" disabled={noModel || streaming !== null || !text.trim()}>
                  {streaming ? 'Writing…' : 'Send'}
                </button>
              </form>
              <form
                className="row wrap modeler-save"
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <label>
                  Data model id <input name="dataModelId" value={modelId} onChange={(e) => setModelId(e.target.value)} required />
                </label>
                <label>
                  Title <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
                </label>
                <button type="submit" disabled={busy || streaming !== null || !modelId.trim()}>
                  Save
                </button>
                <button type="button" className="secondary" disabled={busy || streaming !== null} onClick={() => void cancel()}>
                  Cancel session
                </button>
              </form>
            </>
          ) : null}
        </>
      )}
    </aside>
  );
}
