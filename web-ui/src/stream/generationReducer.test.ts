import { describe, expect, it } from 'vitest';
import type { GenerationEvent } from './events';
import { parseGenerationEvent } from './events';
import {
  generationReducer,
  initialGenerationState,
  orderedBlocks,
  type GenerationAction,
  type GenerationState,
} from './generationReducer';

const event = (e: GenerationEvent, id?: number): GenerationAction => ({ type: 'event', event: e, id });

function run(...actions: GenerationAction[]): GenerationState {
  return actions.reduce(generationReducer, initialGenerationState);
}

const submitted = () => run({ type: 'submit', generationId: 'gen_1_abc' });

const selectBlock = (status: string, sql: string, id?: number) =>
  event(
    {
      type: 'block_update',
      data: { block_name: 'select_clause', target: 'customers', block_data: { status, sql, order: 1, timestamp: 't1' } },
    },
    id,
  );

describe('generationReducer', () => {
  it('should be submitted with the generation id before any event arrives', () => {
    // Given
    const state = initialGenerationState;

    // When
    const next = generationReducer(state, { type: 'submit', generationId: 'gen_1_abc' });

    // Then
    expect(next.status).toBe('submitted');
    expect(next.generationId).toBe('gen_1_abc');
  });

  it('should show a block as it arrives and replace it when it is updated', () => {
    // Given
    const state = generationReducer(submitted(), selectBlock('generating', 'SELECT c.id', 1));

    // When
    const next = generationReducer(state, selectBlock('completed', 'SELECT c.id AS customer_id', 2));

    // Then
    expect(state.status).toBe('streaming');
    expect(orderedBlocks(next)).toHaveLength(1);
    expect(orderedBlocks(next)[0]).toMatchObject({ name: 'select_clause', status: 'completed', sql: 'SELECT c.id AS customer_id' });
  });

  it('should order blocks by the order the compiler gave them', () => {
    // Given
    const joins = event({ type: 'block_update', data: { block_name: 'joins', block_data: { status: 'completed', sql: 'JOIN x', order: 2 } } });
    const select = event({ type: 'block_update', data: { block_name: 'select_clause', block_data: { status: 'completed', sql: 'SELECT', order: 1 } } });

    // When
    const state = run({ type: 'submit', generationId: 'g' }, joins, select);

    // Then
    expect(orderedBlocks(state).map((b) => b.name)).toEqual(['select_clause', 'joins']);
  });

  it('should return the same object when a block update changes nothing', () => {
    // Given
    const state = generationReducer(submitted(), selectBlock('completed', 'SELECT 1'));

    // When
    const next = generationReducer(state, selectBlock('completed', 'SELECT 1'));

    // Then
    expect(next).toBe(state);
  });

  it('should return the same object for a replayed event id', () => {
    // Given
    const state = run({ type: 'submit', generationId: 'g' }, event({ type: 'thought', data: { content: 'Reading the mapping' } }, 7));

    // When
    const next = generationReducer(state, event({ type: 'thought', data: { content: 'Reading the mapping' } }, 7));

    // Then
    expect(next).toBe(state);
    expect(next.thoughts).toEqual(['Reading the mapping']);
  });

  it('should update progress and keep the same object when the same progress repeats', () => {
    // Given
    const progress = event({ type: 'progress', data: { stage: 'compiling', message: '12 of 21 rows', progress_percentage: 57 } });
    const state = generationReducer(submitted(), progress);

    // When
    const repeated = generationReducer(state, event({ type: 'progress', data: { stage: 'compiling', message: '12 of 21 rows', progress_percentage: 57 } }));

    // Then
    expect(state.progress?.progress_percentage).toBe(57);
    expect(state.status).toBe('streaming');
    expect(repeated).toBe(state);
  });

  it('should recover every block from a hashmap_sync after a gap', () => {
    // Given
    const state = generationReducer(submitted(), selectBlock('generating', 'SELECT c.id'));

    // When
    const next = generationReducer(
      state,
      event({
        type: 'hashmap_sync',
        data: {
          reason: 'recovery',
          complete_hashmap: {
            generation_id: 'gen_1_abc',
            semantic_layer_name: 'customers',
            status: 'generating',
            blocks: {
              select_clause: { status: 'completed', sql: 'SELECT c.id AS customer_id', order: 1, target: 'customers' },
              joins: { status: 'completed', sql: 'LEFT JOIN crm.address a ON a.cid = c.id', order: 2, target: 'customers' },
              where_clause: { status: 'pending', sql: null, order: 3, target: 'customers' },
            },
            metadata: { total_blocks: 3, completed_blocks: 2, progress_percentage: 66 },
          },
        },
      }),
    );

    // Then
    expect(orderedBlocks(next).map((b) => [b.name, b.status])).toEqual([
      ['select_clause', 'completed'],
      ['joins', 'completed'],
      ['where_clause', 'pending'],
    ]);
    expect(next.progress?.progress_percentage).toBe(66);
    expect(next.layerName).toBe('customers');
  });

  it('should return the same object when a hashmap_sync repeats what is shown', () => {
    // Given
    const sync = event({
      type: 'hashmap_sync',
      data: {
        reason: 'checkpoint',
        complete_hashmap: {
          semantic_layer_name: 'customers',
          blocks: { select_clause: { status: 'completed', sql: 'SELECT 1', order: 1 } },
          metadata: { progress_percentage: 50 },
        },
      },
    });
    const state = generationReducer(submitted(), sync);

    // When
    const next = generationReducer(state, sync);

    // Then
    expect(next).toBe(state);
  });

  it('should show the final SQL and artifacts and be ready when the stream is done', () => {
    // Given
    const state = generationReducer(submitted(), selectBlock('completed', 'SELECT 1'));

    // When
    const complete = generationReducer(
      state,
      event({ type: 'generation_complete', data: { final_sql: 'CREATE VIEW v AS SELECT 1', filename: 'customers.sql', artifacts: { duckdb: 'k' } } }),
    );
    const done = generationReducer(complete, event({ type: 'done' }));

    // Then
    expect(done.finalSql).toBe('CREATE VIEW v AS SELECT 1');
    expect(done.artifacts).toEqual({ duckdb: 'k' });
    expect(done.status).toBe('ready');
    expect(done.finished).toBe(true);
    expect(generationReducer(done, event({ type: 'done' }))).toBe(done);
  });

  it('should be in error with the message when the generation fails, and stay so after done', () => {
    // Given
    const state = generationReducer(submitted(), selectBlock('generating', 'SELECT'));

    // When
    const failed = generationReducer(
      state,
      event({ type: 'error', data: { message: 'No language model configured', stage: 'refine', code: 'llm_not_configured' } }),
    );
    const done = generationReducer(failed, event({ type: 'done' }));

    // Then
    expect(failed.status).toBe('error');
    expect(failed.errors[0].message).toBe('No language model configured');
    expect(done.status).toBe('error');
  });

  it('should list validation results and replace a repeated check instead of duplicating it', () => {
    // Given
    const check = (status: string) =>
      event({ type: 'validation', data: { validation_id: 'v1', check: 'pk_unique', status, target: 'customers', index: 1, total: 3 } });
    const state = generationReducer(submitted(), check('fail'));

    // When
    const next = generationReducer(state, check('pass'));

    // Then
    expect(next.validations).toHaveLength(1);
    expect(next.validations[0].status).toBe('pass');
  });

  it('should append streamed code chunks per block', () => {
    // Given
    const chunk = (content: string) => event({ type: 'code_chunk', data: { language: 'sql', content, block_name: 'joins' } });
    const state = generationReducer(submitted(), chunk('LEFT JOIN '));

    // When
    const next = generationReducer(state, chunk('crm.address a'));

    // Then
    expect(next.code).toEqual({ joins: 'LEFT JOIN crm.address a' });
  });

  it('should ignore events it does not understand', () => {
    // Given
    const unknown = parseGenerationEvent('ai_result', '{"x":1}');
    const broken = parseGenerationEvent('progress', 'not json');

    // When
    const parsed = parseGenerationEvent('block_update', '{"block_name":"joins","block_data":{"status":"pending"}}');

    // Then
    expect(unknown).toBeNull();
    expect(broken).toBeNull();
    expect(parsed).toEqual({ type: 'block_update', data: { block_name: 'joins', block_data: { status: 'pending' } } });
  });
});
