import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import { eventsUrl } from '../api/generations';
import { GENERATION_EVENT_NAMES, parseGenerationEvent } from './events';
import { generationReducer, initialGenerationState, type GenerationAction, type GenerationState } from './generationReducer';

const MAX_RETRY_MS = 15_000;
const MAX_ATTEMPTS = 8;

export interface StreamOptions {
  /** Builds the EventSource; tests and non-browser hosts pass their own. */
  createSource?: (url: string) => EventSource;
}

/**
 * Follows one generation's event stream. The browser's EventSource resumes by itself (sending
 * Last-Event-ID) after a dropped connection; when the server closes the stream instead, this hook
 * reopens it with backoff and the last id it saw, and the reducer drops replayed events.
 */
export function useGenerationStream(
  generationId: string | null,
  options: StreamOptions = {},
): [GenerationState, Dispatch<GenerationAction>] {
  const [state, dispatch] = useReducer(generationReducer, initialGenerationState);
  const lastId = useRef<number | null>(null);
  lastId.current = state.lastEventId;
  const finished = useRef(false);
  finished.current = state.finished;
  const createSource = options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }));

  useEffect(() => {
    if (!generationId) {
      return undefined;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let attempts = 0;
    let stopped = false;

    const open = () => {
      const current = createSource(eventsUrl(generationId, lastId.current ?? undefined));
      source = current;
      current.onopen = () => {
        attempts = 0;
      };
      for (const name of GENERATION_EVENT_NAMES) {
        current.addEventListener(name, (message: MessageEvent<string>) => {
          const event = parseGenerationEvent(name, message.data ?? '');
          if (!event) {
            return;
          }
          const id = message.lastEventId ? Number(message.lastEventId) : null;
          dispatch({ type: 'event', event, id: Number.isFinite(id) ? id : null });
          if (event.type === 'done') {
            stopped = true;
            current.close();
          }
        });
      }
      current.onerror = () => {
        if (stopped || finished.current) {
          current.close();
          return;
        }
        if (current.readyState === EventSource.CLOSED) {
          attempts += 1;
          if (attempts > MAX_ATTEMPTS) {
            dispatch({ type: 'connection_error', message: 'The event stream closed and could not be reopened; reload the page to resume.' });
            return;
          }
          const delay = Math.min(MAX_RETRY_MS, 500 * 2 ** attempts);
          retryTimer = setTimeout(open, delay);
        }
      };
    };

    open();
    return () => {
      stopped = true;
      if (retryTimer) {
        clearTimeout(retryTimer);
      }
      source?.close();
    };
    // createSource is a construction detail; the stream follows the generation id only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generationId]);

  return [state, dispatch];
}
