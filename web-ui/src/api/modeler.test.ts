import { describe, expect, it } from 'vitest';
import { parseTurnEvents } from './modeler';

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
