// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionKeeper } from '../api/sessionKeeper';
import { useGenerationStream, type GenerationStream } from './useGenerationStream';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** An EventSource the test drives: it records its URL and lets the test deliver events and failures. */
class FakeSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeSource[] = [];
  readyState = FakeSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, Array<(m: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(name: string, fn: (m: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
  open() {
    this.readyState = FakeSource.OPEN;
    this.onopen?.();
  }
  emit(name: string, data: unknown, id: number) {
    this.listeners.get(name)?.forEach((fn) => fn({ data: JSON.stringify(data), lastEventId: String(id) } as MessageEvent<string>));
  }
  /** the server refused or closed the stream for good */
  refuse() {
    this.readyState = FakeSource.CLOSED;
    this.onerror?.();
  }
  /** the network dropped; the browser retries by itself */
  drop() {
    this.readyState = FakeSource.CONNECTING;
    this.onerror?.();
  }
}

let root: Root;
let current: GenerationStream;
let renewals: string[];
let keeper: SessionKeeper;

function Probe({ id }: { id: string }) {
  current = useGenerationStream(id, true, { createSource: (url) => new FakeSource(url) as unknown as EventSource, keeper });
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  renewals = [];
  // the session's renewal endpoint as the gateway answers it: a new access cookie with 900 s left
  keeper = new SessionKeeper({
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      renewals.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return new Response(JSON.stringify({ expiresIn: 900 }), { status: 200 });
    }) as typeof fetch,
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  keeper.expiresIn(900);
  FakeSource.opened = [];
  (globalThis as { EventSource?: unknown }).EventSource = FakeSource;
  root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Probe, { id: 'gen_1_abc' })));
});

afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

describe('useGenerationStream', () => {
  it('should open the stream and apply its events in order', () => {
    // Given
    const source = FakeSource.opened[0];

    // When
    act(() => {
      source.open();
      source.emit('block_update', { block_name: 'joins', target: 'orders', block_data: { status: 'completed', sql: 'FROM o', order: 2 } }, 4);
    });

    // Then
    expect(source.url).toBe('/api/v1/generations/gen_1_abc/events');
    expect(current.connection).toBe('open');
    expect(current.state.blocks['orders/joins'].sql).toEqual({ sql: 'FROM o' });
    expect(current.state.lastEventId).toBe(4);
  });

  it('should say reconnecting while the browser retries a dropped connection', () => {
    // Given
    const source = FakeSource.opened[0];
    act(() => source.open());

    // When
    act(() => source.drop());

    // Then
    expect(current.connection).toBe('reconnecting');
    expect(FakeSource.opened).toHaveLength(1);
  });

  it('should reopen a refused stream after the last event id it saw, with backoff', () => {
    // Given
    const first = FakeSource.opened[0];
    act(() => {
      first.open();
      first.emit('thought', { content: 'reading' }, 7);
      first.refuse();
    });
    expect(current.connection).toBe('reconnecting');

    // When
    act(() => vi.advanceTimersByTime(1000));

    // Then
    expect(FakeSource.opened).toHaveLength(2);
    expect(FakeSource.opened[1].url).toBe('/api/v1/generations/gen_1_abc/events?lastEventId=7');
  });

  it('should close on done and open again after the last id when asked to', () => {
    // Given
    const first = FakeSource.opened[0];
    act(() => {
      first.open();
      first.emit('done', {}, 9);
    });
    expect(current.connection).toBe('closed');
    expect(current.state.finished).toBe(true);

    // When
    act(() => current.reopen());

    // Then
    expect(FakeSource.opened).toHaveLength(2);
    expect(FakeSource.opened[1].url).toBe('/api/v1/generations/gen_1_abc/events?lastEventId=9');
    expect(current.state.finished).toBe(false);
  });

  it('should renew an expired session before it opens a refused stream again', async () => {
    // Given: the access cookie has expired, so the gateway refused the stream
    keeper.expiresIn(0);
    const first = FakeSource.opened[0];
    act(() => {
      first.open();
      first.emit('thought', { content: 'reading' }, 3);
      first.refuse();
    });

    // When
    await act(async () => {
      vi.advanceTimersByTime(1000);
      await Promise.resolve();
    });
    await act(async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });

    // Then: one renewal, then the stream again after the last event id
    expect(renewals).toEqual(['POST /api/v1/session/refresh']);
    expect(FakeSource.opened).toHaveLength(2);
    expect(FakeSource.opened[1].url).toBe('/api/v1/generations/gen_1_abc/events?lastEventId=3');
  });
});
