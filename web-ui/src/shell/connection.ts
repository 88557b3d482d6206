import { useSyncExternalStore } from 'react';

/** The state of the live connection the shell shows: the browser's network plus the open event stream. */
export type StreamConnection = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

let stream: StreamConnection = 'idle';
const listeners = new Set<() => void>();

export function reportStreamConnection(next: StreamConnection): void {
  if (next !== stream) {
    stream = next;
    listeners.forEach((l) => l());
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export type ConnectionView = 'offline' | StreamConnection;

function snapshot(): ConnectionView {
  return navigator.onLine ? stream : 'offline';
}

export function useConnection(): ConnectionView {
  return useSyncExternalStore(subscribe, snapshot, () => 'idle');
}
