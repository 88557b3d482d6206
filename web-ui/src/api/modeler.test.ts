import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './http';
import { parseTurnEvents, streamModelerTurn } from './modeler';

/** A response whose body arrives in the given pieces, as a network delivers a stream. */
function streamed(pieces: string[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('parseTurnEvents', () => {
  it('should read the complete events and keep the unfinished rest for the next read', () => {
    // Given a stream cut inside its third event
    const buffer = 'data:{"type":"delta","text":"Star"}\n\ndata: {"type":"delta","text":" schema"}\r\n\r\ndata:{"type":"do';

    // When
    const { events, rest } = parseTurnEvents(buffer);

    // Then
    expect(events).toEqual([
      { type: 'delta', text: 'Star' },
      { type: 'delta', text: ' schema' },
    ]);
    expect(rest).toBe('data:{"type":"do');
  });

  it('should join an event\'s data lines and skip comments and empty events', () => {
    // Given
    const buffer = ': keep-alive\n\nevent: message\ndata:{"type":"error",\ndata:"code":"llm_call_failed"}\n\n';

    // When
    const { events, rest } = parseTurnEvents(buffer);

    // Then
    expect(events).toEqual([{ type: 'error', code: 'llm_call_failed' }]);
    expect(rest).toBe('');
  });
});

describe('streamModelerTurn', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('should hand each piece of the answer on as it arrives and resolve with the stored session', async () => {
    // Given events cut across network reads
    const session = { conversationId: 'c1', dataSourceId: 'ds_1', source: 'redis', restored: true, messages: [] };
    const fetch = vi.fn(async () =>
      streamed(['data:{"type":"delta","text":"Star"}\n\ndata:{"type":"del', 'ta","text":" schema"}\n\n', `data:${JSON.stringify({ type: 'done', session })}\n\n`]),
    );
    vi.stubGlobal('fetch', fetch);
    const pieces: string[] = [];

    // When
    const stored = await streamModelerTurn('ds_1', 'Which grain?', (t) => pieces.push(t));

    // Then
    expect(pieces).toEqual(['Star', ' schema']);
    expect(stored).toEqual(session);
    expect(fetch).toHaveBeenCalledWith('/api/v1/ai/modeler/sessions/ds_1/messages/stream', expect.objectContaining({ method: 'POST', body: '{"content":"Which grain?"}' }));
  });

  it('should fail with the model\'s error, and with the problem of a turn that cannot start', async () => {
    // Given
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => streamed(['data:{"type":"delta","text":"Sta"}\n\n', 'data:{"type":"error","code":"llm_call_failed","detail":"The session is unchanged."}\n\n'])),
    );

    // When
    const failed = streamModelerTurn('ds_1', 'Which grain?', () => undefined);

    // Then
    await expect(failed).rejects.toMatchObject({ code: 'llm_call_failed', message: 'The session is unchanged.' });

    // Given a turn refused before it starts
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ code: 'llm_not_configured', detail: 'No language model is configured.' }), { status: 409 })),
    );

    // When
    const refused = streamModelerTurn('ds_1', 'Which grain?', () => undefined).catch((e: unknown) => e);

    // Then
    const error = await refused;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'llm_not_configured', message: 'No language model is configured.' });
  });
});
