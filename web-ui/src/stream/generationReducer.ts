import type {
  AiResultData,
  ErrorData,
  GenerationEvent,
  GenerationHashmap,
  HashmapBlock,
  ProgressData,
  ValidationData,
} from './events';

export type StreamStatus = 'ready' | 'submitted' | 'streaming' | 'error';

/** One block of one target, with its SQL in every dialect seen so far. */
export interface BlockView {
  key: string;
  name: string;
  target: string;
  status: string;
  /** dialect -> SQL */
  sql: Record<string, string>;
  order: number;
  version: number | null;
  timestamp: string | null;
}

export type ChatKind = 'user' | 'progress' | 'thought' | 'code' | 'error' | 'validation' | 'ai' | 'summary';

export interface ChatEntry {
  kind: ChatKind;
  text: string;
  stage?: string | null;
  code?: string | null;
  /** the final summary carries the layer's SQL */
  sql?: string | null;
  /** a model's streamed code: the block it rewrites */
  block?: string | null;
}

export interface GenerationState {
  generationId: string | null;
  status: StreamStatus;
  layerName: string | null;
  generationStatus: string | null;
  primaryDialect: string | null;
  targets: string[];
  progress: ProgressData | null;
  blocks: Record<string, BlockView>;
  chat: ChatEntry[];
  validations: ValidationData[];
  errors: ErrorData[];
  aiResults: AiResultData[];
  finalSql: string | null;
  filename: string | null;
  artifacts: Record<string, string>;
  lastEventId: number | null;
  finished: boolean;
}

export type GenerationAction =
  | { type: 'submit'; generationId: string }
  | { type: 'restore'; state: GenerationState }
  | { type: 'resume' }
  | { type: 'prompt'; text: string }
  /** the server refused a request of the chat (e.g. a refinement): its answer, as it gave it */
  | { type: 'refused'; stage: string; text: string; code?: string | null }
  | { type: 'event'; event: GenerationEvent; id?: number | null }
  | { type: 'connection_error'; message: string }
  | { type: 'reset' };

const MAX_CHAT = 400;

export const initialGenerationState: GenerationState = {
  generationId: null,
  status: 'ready',
  layerName: null,
  generationStatus: null,
  primaryDialect: null,
  targets: [],
  progress: null,
  blocks: {},
  chat: [],
  validations: [],
  errors: [],
  aiResults: [],
  finalSql: null,
  filename: null,
  artifacts: {},
  lastEventId: null,
  finished: false,
};

/** The key of a block in the view: one entry per target and block name. */
export function blockKey(target: string, name: string): string {
  return `${target}/${name}`;
}

/** Blocks grouped by target (targets in the order the generation names them), each in compiler order. */
export function blocksByTarget(state: Pick<GenerationState, 'blocks' | 'targets'>): Array<[string, BlockView[]]> {
  const groups = new Map<string, BlockView[]>();
  for (const target of state.targets) {
    groups.set(target, []);
  }
  for (const block of Object.values(state.blocks)) {
    if (!groups.has(block.target)) {
      groups.set(block.target, []);
    }
    groups.get(block.target)!.push(block);
  }
  return [...groups.entries()].map(([target, blocks]) => [
    target,
    blocks.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
  ]);
}

/** Every block in target order, then compiler order. */
export function orderedBlocks(state: Pick<GenerationState, 'blocks' | 'targets'>): BlockView[] {
  return blocksByTarget(state).flatMap(([, blocks]) => blocks);
}

/**
 * Applies one stream action. Pure; returns the same object when the action changes nothing
 * (a replayed event id, an identical block, an unknown event), so React skips the render.
 */
export function generationReducer(state: GenerationState, action: GenerationAction): GenerationState {
  switch (action.type) {
    case 'reset':
      return state === initialGenerationState ? state : initialGenerationState;
    case 'restore':
      return action.state;
    case 'submit':
      if (state.generationId === action.generationId) {
        return state;
      }
      return { ...initialGenerationState, generationId: action.generationId, status: 'submitted' };
    case 'resume':
      return state.finished || state.status === 'error' ? { ...state, finished: false, status: 'streaming' } : state;
    case 'prompt':
      return { ...state, chat: appendChat(state.chat, { kind: 'user', text: action.text }) };
    case 'refused':
      return { ...state, chat: appendChat(state.chat, { kind: 'error', text: action.text, stage: action.stage, code: action.code ?? null }) };
    case 'connection_error':
      if (state.finished || state.status === 'error') {
        return state;
      }
      return {
        ...state,
        status: 'error',
        errors: [...state.errors, { message: action.message, stage: 'connection' }],
        chat: appendChat(state.chat, { kind: 'error', text: action.message, stage: 'connection' }),
      };
    case 'event': {
      const id = action.id ?? null;
      if (id !== null && state.lastEventId !== null && id <= state.lastEventId) {
        return state;
      }
      const next = applyEvent(state, action.event);
      if (next === state) {
        return id === null || id === state.lastEventId ? state : { ...state, lastEventId: id };
      }
      return id === null ? next : { ...next, lastEventId: id };
    }
    default:
      return state;
  }
}

function streaming(state: GenerationState): StreamStatus {
  return state.status === 'error' || state.finished ? state.status : 'streaming';
}

function appendChat(chat: ChatEntry[], entry: ChatEntry): ChatEntry[] {
  const next = [...chat, entry];
  return next.length > MAX_CHAT ? next.slice(next.length - MAX_CHAT) : next;
}

/**
 * A model's code as it streams: chunks of the same block join the code entry they continue; anything said in
 * between (a thought, e.g. the validator's error before a repair) starts a new one, so each attempt reads on its own.
 */
function appendCode(chat: ChatEntry[], content: string, block: string | null): ChatEntry[] {
  const last = chat[chat.length - 1];
  if (last && last.kind === 'code' && (last.block ?? null) === block) {
    return [...chat.slice(0, -1), { ...last, text: last.text + content }];
  }
  return appendChat(chat, { kind: 'code', text: content, block });
}

function applyEvent(state: GenerationState, event: GenerationEvent): GenerationState {
  switch (event.type) {
    case 'progress': {
      const progress = event.data;
      if (sameProgress(state.progress, progress) && state.status === streaming(state)) {
        return state;
      }
      const last = [...state.chat].reverse().find((c) => c.kind === 'progress');
      const chat =
        progress.message && progress.message !== last?.text
          ? appendChat(state.chat, { kind: 'progress', text: progress.message, stage: progress.stage })
          : state.chat;
      return { ...state, status: streaming(state), progress, chat };
    }
    case 'block_update': {
      const { block_name, block_data, target, dialect, version = null } = event.data;
      const owner = target ?? state.targets[0] ?? 'layer';
      const key = blockKey(owner, block_name);
      const previous = state.blocks[key];
      const sqlDialect = dialect ?? state.primaryDialect ?? 'sql';
      const block: BlockView = {
        key,
        name: block_name,
        target: owner,
        status: block_data.status,
        sql:
          block_data.sql === undefined || block_data.sql === null
            ? previous?.sql ?? {}
            : // a new version makes the other dialects' text stale until a snapshot brings them
              version !== null && previous?.version !== version
              ? { [sqlDialect]: block_data.sql }
              : { ...previous?.sql, [sqlDialect]: block_data.sql },
        order: block_data.order ?? previous?.order ?? 0,
        version: version ?? previous?.version ?? null,
        timestamp: block_data.timestamp ?? previous?.timestamp ?? null,
      };
      if (sameBlock(previous, block) && state.status === streaming(state)) {
        return state;
      }
      const targets = state.targets.includes(owner) ? state.targets : [...state.targets, owner];
      return { ...state, status: streaming(state), targets, blocks: { ...state.blocks, [key]: block } };
    }
    case 'hashmap_sync':
      return applyHashmap(state, event.data.complete_hashmap);
    case 'thought':
      return { ...state, status: streaming(state), chat: appendChat(state.chat, { kind: 'thought', text: event.data.content }) };
    case 'code_chunk':
      return { ...state, status: streaming(state), chat: appendCode(state.chat, event.data.content, event.data.block_name ?? null) };
    case 'data_ready':
      return state;
    case 'validation':
      return applyValidation(state, event.data);
    case 'ai_result': {
      const r = event.data;
      const text =
        r.status === 'not_configured' || r.code === 'llm_not_configured'
          ? `No language model configured: ${r.message ?? 'the refinement needs one (see GET /api/v1/ai/status).'}`
          : r.content || r.message || r.status;
      return {
        ...state,
        aiResults: [...state.aiResults, r],
        chat: appendChat(state.chat, { kind: r.status === 'completed' ? 'ai' : 'error', text, code: r.code ?? null, stage: 'refine' }),
      };
    }
    case 'generation_complete': {
      const { final_sql = null, filename = null, artifacts = {}, columns_needing_attention } = event.data;
      const flagged = Array.isArray(columns_needing_attention) ? columns_needing_attention.length : columns_needing_attention ?? 0;
      const passed = state.validations.filter((v) => v.status === 'pass').length;
      const failed = state.validations.filter((v) => v.status === 'fail' || v.status === 'error').length;
      // the same completion seen twice (the stream after a GET on reload) is one summary
      const again = state.finished && state.generationStatus === 'completed' && state.chat.some((c) => c.kind === 'summary');
      const summary = `Done: ${Object.keys(state.blocks).length} blocks over ${state.targets.length} target(s); ${flagged} column(s) need attention; checks ${passed} passed, ${failed} failed.`;
      return {
        ...state,
        status: state.status === 'error' ? 'error' : 'ready',
        generationStatus: 'completed',
        filename: filename ?? state.filename,
        artifacts: artifacts ?? {},
        finished: true,
        progress: state.progress ? { ...state.progress, progress_percentage: 100, stage: 'completed' } : state.progress,
        finalSql: final_sql ?? state.finalSql,
        chat: again ? state.chat : appendChat(state.chat, { kind: 'summary', text: summary, sql: final_sql }),
      };
    }
    case 'error':
      return {
        ...state,
        status: 'error',
        errors: [...state.errors, event.data],
        finished: true,
        chat: appendChat(state.chat, { kind: 'error', text: event.data.message, stage: event.data.stage, code: event.data.code }),
      };
    case 'done':
      if (state.finished && state.status !== 'streaming' && state.status !== 'submitted') {
        return state;
      }
      return { ...state, finished: true, status: state.status === 'error' ? 'error' : 'ready' };
    default:
      return state;
  }
}

function applyValidation(state: GenerationState, v: ValidationData): GenerationState {
  const same = (o: ValidationData) =>
    o.check === v.check && o.target === v.target && o.column === v.column && o.index === v.index && o.checkpoint === v.checkpoint;
  const existing = state.validations.findIndex(same);
  if (existing >= 0) {
    if (JSON.stringify(state.validations[existing]) === JSON.stringify(v)) {
      return state;
    }
    const validations = state.validations.slice();
    validations[existing] = v;
    return { ...state, validations };
  }
  const chat =
    v.status === 'fail' || v.status === 'error'
      ? appendChat(state.chat, {
          kind: 'validation',
          text: `${v.check}${v.target ? ` ${v.target}${v.column ? '.' + v.column : ''}` : ''}: ${v.message ?? v.status}${
            v.mapping_refs && v.mapping_refs.length > 0 ? ` (${v.mapping_refs.join(', ')})` : ''
          }`,
          code: v.code ?? null,
          stage: 'validating',
        })
      : state.chat;
  return { ...state, status: streaming(state), validations: [...state.validations, v], chat };
}

/** A full snapshot (initial load, recovery after a gap, checkpoint): it replaces the blocks. */
export function applyHashmap(state: GenerationState, hashmap: GenerationHashmap): GenerationState {
  const primary = hashmap.primary_dialect ?? state.primaryDialect;
  const targets = hashmap.metadata?.targets ?? hashmap.layers?.map((l) => l.target) ?? state.targets;
  const blocks: Record<string, BlockView> = {};
  for (const [name, data] of snapshotBlocks(hashmap)) {
    const key = blockKey(data.target ?? targets[0] ?? 'layer', data.block_name ?? name);
    const previous = state.blocks[key];
    const sql: Record<string, string> = { ...(data.sql_by_dialect ?? {}) };
    const dialect = data.dialect ?? primary ?? 'sql';
    if (data.sql) {
      sql[dialect] = data.sql;
    }
    blocks[key] = {
      key,
      name: data.block_name ?? name,
      target: data.target ?? targets[0] ?? 'layer',
      status: data.status,
      sql: Object.keys(sql).length > 0 ? sql : previous?.sql ?? {},
      order: data.order ?? previous?.order ?? 0,
      version: data.version ?? previous?.version ?? null,
      timestamp: data.timestamp ?? previous?.timestamp ?? null,
    };
  }
  const sameBlocks =
    Object.keys(blocks).length === Object.keys(state.blocks).length &&
    Object.entries(blocks).every(([key, block]) => sameBlock(state.blocks[key], block));
  const percentage = hashmap.metadata?.progress_percentage;
  const progress: ProgressData | null =
    percentage === undefined
      ? state.progress
      : {
          stage: hashmap.status ?? state.progress?.stage ?? 'generating',
          message: state.progress?.message ?? null,
          progress_percentage: Math.max(percentage, state.finished ? 100 : 0),
          stats: state.progress?.stats ?? null,
          estimated_completion: hashmap.metadata?.estimated_completion ?? state.progress?.estimated_completion ?? null,
        };
  return {
    ...state,
    status: streaming(state),
    blocks: sameBlocks ? state.blocks : blocks,
    targets,
    primaryDialect: primary ?? null,
    generationStatus: hashmap.status ?? state.generationStatus,
    progress,
    layerName: hashmap.semantic_layer_name ?? state.layerName,
  };
}

/** The snapshot's blocks; a snapshot from before every target was carried in `blocks` is read from `layers`. */
function snapshotBlocks(hashmap: GenerationHashmap): Array<[string, HashmapBlock]> {
  const fromLayers: Array<[string, HashmapBlock]> = (hashmap.layers ?? []).flatMap((layer) =>
    Object.entries(layer.blocks ?? {}).map(([name, data]): [string, HashmapBlock] => [name, { ...data, target: data.target ?? layer.target }]),
  );
  const fromBlocks = Object.entries(hashmap.blocks ?? {});
  return fromLayers.length > fromBlocks.length ? fromLayers : fromBlocks;
}

function sameBlock(a: BlockView | undefined, b: BlockView): boolean {
  return (
    a !== undefined &&
    a.status === b.status &&
    a.order === b.order &&
    a.version === b.version &&
    a.timestamp === b.timestamp &&
    a.target === b.target &&
    JSON.stringify(a.sql) === JSON.stringify(b.sql)
  );
}

function sameProgress(a: ProgressData | null, b: ProgressData | null): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null) {
    return false;
  }
  return (
    a.stage === b.stage &&
    a.message === b.message &&
    a.progress_percentage === b.progress_percentage &&
    a.estimated_completion === b.estimated_completion &&
    JSON.stringify(a.stats ?? null) === JSON.stringify(b.stats ?? null)
  );
}
