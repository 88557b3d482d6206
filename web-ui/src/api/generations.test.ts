import { describe, expect, it } from 'vitest';
import { artifactUrl, eventsUrl, newGenerationId } from './generations';

describe('generation api', () => {
  it('should name a generation gen_<epochMillis>_<random> so the stream can open before the start request', () => {
    // Given
    const now = 1_763_719_200_000;

    // When
    const id = newGenerationId(now, () => 0.5);

    // Then
    expect(id).toMatch(/^gen_1763719200000_[0-9a-z]{6}$/);
    expect(newGenerationId(now, () => 0.25)).not.toBe(id);
  });

  it('should resume the event stream after the last seen id and encode ids in paths', () => {
    // Given
    const id = 'gen_1_abc';

    // When
    const resumed = eventsUrl(id, 42);

    // Then
    expect(resumed).toBe('/api/v1/generations/gen_1_abc/events?lastEventId=42');
    expect(eventsUrl(id)).toBe('/api/v1/generations/gen_1_abc/events');
    expect(artifactUrl(id, 'duckdb')).toBe('/api/v1/generations/gen_1_abc/artifacts/duckdb');
  });
});
