import { describe, expect, it } from 'vitest';
import { settingsFrom } from './aiModel';

describe('settingsFrom', () => {
  it('shouldKeepTheStoredKeyWhenTheKeyFieldIsBlankAndSendOnlyAPositiveTimeout', () => {
    // Given / When
    const kept = settingsFrom({ baseUrl: ' http://llm.example/v1 ', model: 'gpt-x ', apiKey: '  ', timeoutSeconds: '0' });
    const replaced = settingsFrom({ baseUrl: 'http://llm.example/v1', model: 'gpt-x', apiKey: 'sk-new', timeoutSeconds: '20' });

    // Then
    expect(kept).toEqual({ baseUrl: 'http://llm.example/v1', model: 'gpt-x' });
    expect(replaced).toEqual({ baseUrl: 'http://llm.example/v1', model: 'gpt-x', apiKey: 'sk-new', timeoutSeconds: 20 });
  });
});
