import { useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { eventsUrl } from '../api/generations';
import { sessionKeeper, type SessionKeeper } from '../api/sessionKeeper';
import { reportStreamConnection, type StreamConnection } from '../shell/connection';
import { GENERATION_EVENT_NAMES, parseGenerationEvent } from './events';
import { generationReducer, initialGenerationState, type GenerationAction, type GenerationState } from './generationReducer';

const MAX_RETRY_MS = 15_000;
const MAX_ATTEMPTS = 12;

export interface StreamOptions {
  /** Builds the EventSource; tests and non-browser hosts pass their own. */
  createSource?: (url: string) => EventSource;
  /** The state to start from (the hashmap kept in localStorage). */
  initial?: GenerationState | null;
  /** Renews the session before a refused stream is opened again; tests pass their own. */
  keeper?: SessionKeeper;
}

export interface GenerationStream {
  state: GenerationState;
  dispatch: Dispatch<GenerationAction>;
  connection: StreamConnection;
  /** Opens the stream again after the last seen event (after a hand edit or a refine request). */
  reopen: () => void;
}

/**
 * Follows one generation's event stream. The browser's EventSource resumes by itself (sending
 * Last-Event-ID) after a dropped connection; when the server refuses or closes the stream instead,
 * this hook reopens it with backoff and the last id it saw, and the reducer drops replayed events.
 * `open` false keeps the stream closed (a finished generation read from the API).
 */
export function useGenerationStream(generationId: string | null, open: boolean, options: StreamOptions = {}): GenerationStream {
  const [state, dispatch] = useReducer(generationReducer, options.initial ?? initialGenerationState);
  const [connection, setConnection] = useState<StreamConnection>('idle');
  const [epoch, setEpoch] = useState(0);
  const lastId = useRef<number | null>(null);
  lastId.current = state.lastEventId;
  const createSource = options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }));
  const keeper = options.keeper ?? sessionKeeper;

  useEffect(() => {
    reportStreamConnection(connection);
  }, [connection]);
  useEffect(() => () => reportStreamConnection('idle'), []);

  useEffect(() => {
    if (!generationId || (!open && epoch === 0)) {
      setConnection((c) => (c === 'idle' ? c : 'closed'));
      return undefined;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let attempts = 0;
    let stopped = false;

    const connect = () => {
      setConnection(attempts === 0 ? 'connecting' : 'reconnecting');
      const current = createSource(eventsUrl(generationId, lastId.current ?? undefined));
      source = current;
      current.onopen = () => {
        attempts = 0;
        setConnection('open');
      };
      for (const name of GENERATION_EVENT_NAMES) {
        current.addEventListener(name, (message: MessageEvent<string>) => {
          const event = parseGenerationEvent(name, message.data ?? '');
          if (!event) {
            return;
          }
          keeper.noteActivity();
          const id = message.lastEventId ? Number(message.lastEventId) : null;
          dispatch({ type: 'event', event, id: id !== null && Number.isFinite(id) ? id : null });
          if (event.type === 'done') {
            stopped = true;
            current.close();
            setConnection('closed');
          }
        });
      }
      current.onerror = () => {
        if (stopped) {
          current.close();
          return;
        }
        if (current.readyState === EventSource.CONNECTING) {
          // the browser retries by itself with Last-Event-ID
          setConnection('reconnecting');
          return;
        }
        current.close();
        attempts += 1;
        if (attempts > MAX_ATTEMPTS) {
          setConnection('closed');
          dispatch({ type: 'connection_error', message: 'The event stream closed and could not be reopened; reload the page to resume.' });
          return;
        }
        setConnection('reconnecting');
        // a stream refused because the access cookie expired opens again once the session is renewed
        const reopen = () => {
          if (stopped) return;
          if (!keeper.expiringSoon()) {
            connect();
            return;
          }
          void keeper.renew().then(() => {
            if (!stopped) connect();
          });
        };
        retryTimer = setTimeout(reopen, Math.min(MAX_RETRY_MS, 250 * 2 ** attempts));
      };
    };

    connect();
    return () => {
      stopped = true;
      if (retryTimer) {
        clearTimeout(retryTimer);
      }
      source?.close();
    };
    // createSource is a construction detail; the stream follows the generation id, open and epoch only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generationId, open, epoch]);

  return {
    state,
    dispatch,
    connection,
    reopen: () => {
      dispatch({ type: 'resume' });
      setEpoch((e) => e + 1);
    },
  };
}
