import { describe, expect, it } from 'vitest';
import type { GenerationEvent, GenerationHashmap } from './events';
import { parseGenerationEvent } from './events';
import {
  blocksByTarget,
  generationReducer,
  initialGenerationState,
  orderedBlocks,
  type GenerationAction,
  type GenerationState,
} from './generationReducer';
import { loadGeneration, saveGeneration, type StorageLike } from './persistence';

const event = (e: GenerationEvent, id?: number): GenerationAction => ({ type: 'event', event: e, id });

function run(...actions: GenerationAction[]): GenerationState {
  return actions.reduce(generationReducer, initialGenerationState);
}

const submitted = () => run({ type: 'submit', generationId: 'gen_1_abc' });

const blockUpdate = (target: string, name: string, sql: string, order: number, id?: number, version = 1) =>
  event(
    {
      type: 'block_update',
      data: { block_name: name, target, dialect: 'duckdb', version, block_data: { status: 'completed', sql, order, timestamp: 't1' } },
    },
    id,
  );

const snapshot = (targets: string[], reason = 'checkpoint'): GenerationEvent => {
  const blocks: GenerationHashmap['blocks'] = {};
  for (const target of targets) {
    blocks[`${target}/select_clause`] = {
      status: 'completed', sql: `SELECT ${target}.id`, order: 1, timestamp: 't', version: 1, target,
      block_name: 'select_clause', dialect: 'duckdb', sql_by_dialect: { duckdb: `SELECT ${target}.id`, postgres: `SELECT "${target}".id` },
    };
    blocks[`${target}/joins`] = {
      status: 'completed', sql: `FROM ${target}`, order: 2, timestamp: 't', version: 1, target, block_name: 'joins', dialect: 'duckdb',
    };
  }
  return {
    type: 'hashmap_sync',
    data: {
      reason,
      complete_hashmap: {
        generation_id: 'gen_1_abc', status: 'validating', primary_dialect: 'duckdb', blocks,
        metadata: { targets, progress_percentage: 95, estimated_completion: '2026-12-03T10:00:00Z' },
      },
    },
  };
};

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

  it('should group blocks by target in the order targets appear, each in compiler order', () => {
    // Given
    const actions = [
      blockUpdate('orders', 'joins', 'FROM o', 2, 1),
      blockUpdate('orders', 'select_clause', 'SELECT o.id', 1, 2),
      blockUpdate('customers', 'select_clause', 'SELECT c.id', 1, 3),
    ];

    // When
    const state = actions.reduce(generationReducer, submitted());

    // Then
    expect(blocksByTarget(state).map(([t, blocks]) => [t, blocks.map((b) => b.name)])).toEqual([
      ['orders', ['select_clause', 'joins']],
      ['customers', ['select_clause']],
    ]);
    expect(state.status).toBe('streaming');
  });

  it('should keep every target after a snapshot sent when validation starts', () => {
    // Given: eleven blocks streamed over three targets
    let state = submitted();
    let id = 0;
    for (const target of ['orders', 'customers', 'products']) {
      for (const [i, name] of ['select_clause', 'joins', 'where_clause', 'group_by'].entries()) {
        if (target === 'products' && name === 'group_by') continue;
        state = generationReducer(state, blockUpdate(target, name, `-- ${name}`, i + 1, ++id));
      }
    }
    expect(orderedBlocks(state)).toHaveLength(11);

    // When: the checkpoint snapshot carries every target's blocks
    const next = generationReducer(state, event(snapshot(['orders', 'customers', 'products']), ++id));

    // Then
    expect(next.targets).toEqual(['orders', 'customers', 'products']);
    expect(blocksByTarget(next).map(([t, b]) => [t, b.length])).toEqual([['orders', 2], ['customers', 2], ['products', 2]]);
    expect(next.blocks['customers/select_clause'].sql).toEqual({ duckdb: 'SELECT customers.id', postgres: 'SELECT "customers".id' });
    expect(next.progress?.estimated_completion).toBe('2026-12-03T10:00:00Z');
  });

  it('should read every target from layers when a snapshot names only one in blocks', () => {
    // Given: the older hashmap shape, blocks holding the first target only
    const hashmap: GenerationHashmap = {
      blocks: { select_clause: { status: 'completed', sql: 'SELECT 1', order: 1 } },
      layers: [
        { target: 'orders', status: 'completed', blocks: { select_clause: { status: 'completed', sql: 'SELECT 1', order: 1 } } },
        { target: 'customers', status: 'completed', blocks: { select_clause: { status: 'completed', sql: 'SELECT 2', order: 1 } } },
      ],
      primary_dialect: 'duckdb',
    };

    // When
    const state = generationReducer(submitted(), event({ type: 'hashmap_sync', data: { reason: 'recovery', complete_hashmap: hashmap } }));

    // Then
    expect(Object.keys(state.blocks).sort()).toEqual(['customers/select_clause', 'orders/select_clause']);
  });

  it('should read a snapshot whose blocks carry their SQL once per dialect and whose layers carry no blocks', () => {
    // Given: the shape sqlgen publishes (without the sql and dialect the gateway derives)
    const hashmap: GenerationHashmap = {
      primary_dialect: 'postgres',
      blocks: {
        'orders/select_clause': { status: 'completed', order: 1, target: 'orders', block_name: 'select_clause', sql_by_dialect: { duckdb: 'SELECT d', postgres: 'SELECT p' } },
        'customers/select_clause': { status: 'completed', order: 1, target: 'customers', block_name: 'select_clause', sql_by_dialect: { postgres: 'SELECT c' } },
      },
      layers: [
        { target: 'orders', status: 'completed' },
        { target: 'customers', status: 'completed' },
      ],
    };

    // When
    const state = generationReducer(submitted(), event({ type: 'hashmap_sync', data: { reason: 'checkpoint', complete_hashmap: hashmap } }));

    // Then
    expect(state.targets).toEqual(['orders', 'customers']);
    expect(state.blocks['orders/select_clause'].sql).toEqual({ duckdb: 'SELECT d', postgres: 'SELECT p' });
    expect(state.blocks['customers/select_clause'].sql).toEqual({ postgres: 'SELECT c' });
    expect(state.primaryDialect).toBe('postgres');
  });

  it('should return the same object when a block update changes nothing or an id is replayed', () => {
    // Given
    const state = generationReducer(submitted(), blockUpdate('orders', 'select_clause', 'SELECT 1', 1, 5));

    // When
    const same = generationReducer(state, blockUpdate('orders', 'select_clause', 'SELECT 1', 1));
    const replayed = generationReducer(state, blockUpdate('orders', 'select_clause', 'SELECT 2', 1, 5));

    // Then
    expect(same).toBe(state);
    expect(replayed).toBe(state);
  });

  it('should drop other dialects of a block when a new version of it arrives', () => {
    // Given
    const state = generationReducer(submitted(), event(snapshot(['orders']), 1));

    // When: a hand edit in duckdb makes version 2
    const next = generationReducer(state, blockUpdate('orders', 'select_clause', 'SELECT 42', 1, 2, 2));

    // Then
    expect(next.blocks['orders/select_clause']).toMatchObject({ version: 2, sql: { duckdb: 'SELECT 42' } });
  });

  it('should show a model\'s streamed code in the chat, one entry per attempt, the repair after the thought that asked for it', () => {
    // Given
    const chunk = (content: string, id: number) => event({ type: 'code_chunk', data: { language: 'sql', content, block_name: 'where_clause' } }, id);
    const actions = [
      event({ type: 'thought', data: { content: 'Rewriting order_status.where_clause (version 1)' } }, 10),
      chunk('WHERE "raw_orders".', 11),
      chunk('"refund_state" <> 1', 12),
      event({ type: 'thought', data: { content: 'The candidate failed on the sample; asking the model to repair it (1 of 2).' } }, 13),
      chunk('WHERE "raw_orders".', 14),
      chunk('"status" <> 1', 15),
      event({ type: 'code_chunk', data: { language: 'sql', content: 'SELECT 1', block_name: 'select_clause' } }, 16),
    ];

    // When
    const state = actions.reduce(generationReducer, submitted());

    // Then
    expect(state.chat.map((c) => c.kind)).toEqual(['thought', 'code', 'thought', 'code', 'code']);
    expect(state.chat[1]).toMatchObject({ text: 'WHERE "raw_orders"."refund_state" <> 1', block: 'where_clause' });
    expect(state.chat[3]).toMatchObject({ text: 'WHERE "raw_orders"."status" <> 1', block: 'where_clause' });
    expect(state.chat[4]).toMatchObject({ text: 'SELECT 1', block: 'select_clause' });
  });

  it('should write progress messages, thoughts, errors with their stage and a final summary into the chat', () => {
    // Given
    const actions = [
      event({ type: 'progress', data: { stage: 'compiling', message: 'Compiling orders', progress_percentage: 10 } }, 1),
      event({ type: 'progress', data: { stage: 'compiling', message: 'Compiling orders', progress_percentage: 20 } }, 2),
      event({ type: 'thought', data: { content: 'orders joins customers on customer_id' } }, 3),
      event({ type: 'validation', data: { check: 'not_null', status: 'fail', target: 'orders', column: 'id', message: '2 nulls', mapping_refs: ['@mapping[M:4]'] } }, 4),
      event({ type: 'generation_complete', data: { final_sql: 'SELECT 1', artifacts: {}, columns_needing_attention: 2 } }, 5),
    ];

    // When
    const state = actions.reduce(generationReducer, submitted());

    // Then
    expect(state.chat.map((c) => c.kind)).toEqual(['progress', 'thought', 'validation', 'summary']);
    expect(state.chat[2]).toMatchObject({ text: 'not_null orders.id: 2 nulls (@mapping[M:4])', stage: 'validating' });
    expect(state.chat[3].sql).toBe('SELECT 1');
    expect(state.chat[3].text).toContain('2 column(s) need attention');
    expect(state.finished).toBe(true);
    expect(state.progress?.progress_percentage).toBe(100);
  });

  it('should write one summary when the completion is seen twice (the API after a reload, then the stream)', () => {
    // Given
    const complete = event({ type: 'generation_complete', data: { final_sql: 'SELECT 1', artifacts: { duckdb: '/a' } } });
    const once = generationReducer(submitted(), complete);

    // When
    const twice = generationReducer(once, complete);

    // Then
    expect(twice.chat.filter((c) => c.kind === 'summary')).toHaveLength(1);
    expect(twice.artifacts).toEqual({ duckdb: '/a' });
  });

  it('should say plainly that no language model is configured when a refinement cannot run', () => {
    // Given
    const state = submitted();

    // When
    const next = generationReducer(
      state,
      event({ type: 'ai_result', data: { status: 'not_configured', code: 'llm_not_configured', message: 'set AIDE_LLM_BASE_URL' } }, 9),
    );

    // Then
    expect(next.chat.at(-1)).toMatchObject({ kind: 'error', text: 'No language model configured: set AIDE_LLM_BASE_URL' });
  });

  it('should stream again after resume on a finished generation', () => {
    // Given
    const finished = run({ type: 'submit', generationId: 'g' }, event({ type: 'done' }, 1));

    // When
    const resumed = generationReducer(finished, { type: 'resume' });

    // Then
    expect(finished.finished).toBe(true);
    expect(resumed).toMatchObject({ finished: false, status: 'streaming', lastEventId: 1 });
  });

  it('should record a closed stream as an error once', () => {
    // Given
    const state = submitted();

    // When
    const once = generationReducer(state, { type: 'connection_error', message: 'closed' });
    const twice = generationReducer(once, { type: 'connection_error', message: 'closed' });

    // Then
    expect(once.errors).toEqual([{ message: 'closed', stage: 'connection' }]);
    expect(twice).toBe(once);
  });
});

describe('parseGenerationEvent', () => {
  it('should parse known events and refuse unknown names and broken JSON', () => {
    // Given / When / Then
    expect(parseGenerationEvent('thought', '{"content":"x"}')).toEqual({ type: 'thought', data: { content: 'x' } });
    expect(parseGenerationEvent('ai_result', '{"status":"completed"}')?.type).toBe('ai_result');
    expect(parseGenerationEvent('done', '')).toEqual({ type: 'done' });
    expect(parseGenerationEvent('nope', '{}')).toBeNull();
    expect(parseGenerationEvent('progress', '{broken')).toBeNull();
  });
});

describe('persistence', () => {
  const memory = (): StorageLike & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  };

  it('should restore a generation saved by the same owner only', () => {
    // Given
    const storage = memory();
    const state = generationReducer(submitted(), blockUpdate('orders', 'select_clause', 'SELECT 1', 1, 3));
    saveGeneration(storage, 'acme:alice', state);

    // When
    const restored = loadGeneration(storage, 'acme:alice', 'gen_1_abc');
    const foreign = loadGeneration(storage, 'globex:bob', 'gen_1_abc');

    // Then
    expect(restored).toEqual(state);
    expect(restored?.lastEventId).toBe(3);
    expect(foreign).toBeNull();
  });

  it('should ignore a corrupt entry', () => {
    // Given
    const storage = memory();
    storage.setItem('aide:acme:alice:generation:gen_1_abc', '{not json');

    // When
    const restored = loadGeneration(storage, 'acme:alice', 'gen_1_abc');

    // Then
    expect(restored).toBeNull();
  });
});

describe('a refused request', () => {
  it('shouldPutTheServersAnswerIntoTheChatWithoutEndingTheGeneration', () => {
    // Given
    const state = { ...initialGenerationState, finished: true, status: 'ready' as const };

    // When
    const next = generationReducer(state, { type: 'refused', stage: 'refine', text: 'No language model is configured for tenant acme.', code: 'llm_not_configured' });

    // Then
    expect(next.chat.at(-1)).toEqual({ kind: 'error', text: 'No language model is configured for tenant acme.', stage: 'refine', code: 'llm_not_configured' });
    expect(next.status).toBe('ready');
    expect(next.errors).toEqual([]);
  });
});
