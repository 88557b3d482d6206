import type {
  BlockData,
  ErrorData,
  GenerationEvent,
  GenerationHashmap,
  ProgressData,
  ValidationData,
} from './events';

export type StreamStatus = 'ready' | 'submitted' | 'streaming' | 'error';

export interface BlockView {
  key: string;
  name: string;
  target: string | null;
  dialect: string | null;
  status: string;
  sql: string;
  order: number;
  version: number | null;
  timestamp: string | null;
}

export interface GenerationState {
  generationId: string | null;
  status: StreamStatus;
  layerName: string | null;
  progress: ProgressData | null;
  blocks: Record<string, BlockView>;
  thoughts: string[];
  code: Record<string, string>;
  validations: ValidationData[];
  errors: ErrorData[];
  finalSql: string | null;
  filename: string | null;
  artifacts: Record<string, string>;
  lastEventId: number | null;
  finished: boolean;
}

export type GenerationAction =
  | { type: 'submit'; generationId: string }
  | { type: 'event'; event: GenerationEvent; id?: number | null }
  | { type: 'connection_error'; message: string }
  | { type: 'reset' };

export const initialGenerationState: GenerationState = {
  generationId: null,
  status: 'ready',
  layerName: null,
  progress: null,
  blocks: {},
  thoughts: [],
  code: {},
  validations: [],
  errors: [],
  finalSql: null,
  filename: null,
  artifacts: {},
  lastEventId: null,
  finished: false,
};

/** The key of a block in the view: one entry per target (and dialect, when sent) and block name. */
export function blockKey(name: string, target?: string | null, dialect?: string | null): string {
  return [target, dialect, name].filter((part) => part !== null && part !== undefined && part !== '').join('/');
}

/** Blocks in the order the compiler gave them, then by name. */
export function orderedBlocks(state: GenerationState): BlockView[] {
  return Object.values(state.blocks).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/**
 * Applies one stream action. Pure; returns the same object when the action changes nothing
 * (a replayed event id, an identical block, an unknown event), so React skips the render.
 */
export function generationReducer(state: GenerationState, action: GenerationAction): GenerationState {
  switch (action.type) {
    case 'reset':
      return state === initialGenerationState ? state : initialGenerationState;
    case 'submit':
      if (state.generationId === action.generationId && state.status === 'submitted') {
        return state;
      }
      return { ...initialGenerationState, generationId: action.generationId, status: 'submitted' };
    case 'connection_error':
      if (state.finished || state.status === 'error') {
        return state;
      }
      return {
        ...state,
        status: 'error',
        errors: [...state.errors, { message: action.message, stage: 'connection' }],
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

function streaming(state: GenerationState): GenerationState['status'] {
  return state.status === 'error' || state.finished ? state.status : 'streaming';
}

function applyEvent(state: GenerationState, event: GenerationEvent): GenerationState {
  switch (event.type) {
    case 'progress': {
      const progress = event.data;
      if (samePercentage(state.progress, progress) && state.status === streaming(state)) {
        return state;
      }
      return { ...state, status: streaming(state), progress };
    }
    case 'block_update': {
      const { block_name, block_data, target = null, dialect = null, version = null } = event.data;
      const key = blockKey(block_name, target, dialect);
      const block = toBlockView(key, block_name, block_data, target, dialect, version, state.blocks[key]);
      if (sameBlock(state.blocks[key], block) && state.status === streaming(state)) {
        return state;
      }
      return { ...state, status: streaming(state), blocks: { ...state.blocks, [key]: block } };
    }
    case 'hashmap_sync':
      return applyHashmap(state, event.data.complete_hashmap);
    case 'thought':
      return { ...state, status: streaming(state), thoughts: [...state.thoughts, event.data.content] };
    case 'code_chunk': {
      const key = event.data.block_name || event.data.language || 'code';
      return { ...state, status: streaming(state), code: { ...state.code, [key]: (state.code[key] ?? '') + event.data.content } };
    }
    case 'data_ready':
      return state;
    case 'validation': {
      const v = event.data;
      const existing = state.validations.findIndex(
        (other) => other.validation_id === v.validation_id && other.index === v.index && other.check === v.check,
      );
      if (existing >= 0) {
        if (JSON.stringify(state.validations[existing]) === JSON.stringify(v)) {
          return state;
        }
        const validations = state.validations.slice();
        validations[existing] = v;
        return { ...state, validations };
      }
      return { ...state, status: streaming(state), validations: [...state.validations, v] };
    }
    case 'generation_complete': {
      const { final_sql = null, filename = null, artifacts = {} } = event.data;
      return {
        ...state,
        status: state.status === 'error' ? 'error' : 'ready',
        finalSql: final_sql,
        filename,
        artifacts,
        finished: true,
        progress: state.progress ? { ...state.progress, progress_percentage: 100 } : state.progress,
      };
    }
    case 'error':
      return { ...state, status: 'error', errors: [...state.errors, event.data], finished: true };
    case 'done':
      if (state.finished && state.status !== 'streaming' && state.status !== 'submitted') {
        return state;
      }
      return { ...state, finished: true, status: state.status === 'error' ? 'error' : 'ready' };
    default:
      return state;
  }
}

/** A full snapshot (initial load, recovery after a gap, checkpoint): it replaces the blocks it names. */
function applyHashmap(state: GenerationState, hashmap: GenerationHashmap): GenerationState {
  const blocks: Record<string, BlockView> = {};
  for (const [name, data] of Object.entries(hashmap.blocks ?? {})) {
    const key = blockKey(name, data.target ?? null, data.dialect ?? null);
    blocks[key] = toBlockView(key, name, data, data.target ?? null, data.dialect ?? null, data.version ?? null, state.blocks[key]);
  }
  const sameBlocks =
    Object.keys(blocks).length === Object.keys(state.blocks).length &&
    Object.entries(blocks).every(([key, block]) => sameBlock(state.blocks[key], block));
  const percentage = hashmap.metadata?.progress_percentage;
  const progress: ProgressData | null =
    percentage === undefined
      ? state.progress
      : {
          stage: state.progress?.stage ?? hashmap.status ?? 'generating',
          message: state.progress?.message ?? null,
          progress_percentage: percentage,
          stats: state.progress?.stats ?? null,
          estimated_completion: hashmap.metadata?.estimated_completion ?? null,
        };
  const layerName = hashmap.semantic_layer_name ?? state.layerName;
  if (sameBlocks && samePercentage(state.progress, progress) && layerName === state.layerName && state.status === streaming(state)) {
    return state;
  }
  return { ...state, status: streaming(state), blocks: sameBlocks ? state.blocks : blocks, progress, layerName };
}

function toBlockView(
  key: string,
  name: string,
  data: BlockData,
  target: string | null,
  dialect: string | null,
  version: number | null,
  previous: BlockView | undefined,
): BlockView {
  return {
    key,
    name,
    target,
    dialect,
    status: data.status,
    sql: data.sql ?? previous?.sql ?? '',
    order: data.order ?? previous?.order ?? 0,
    version: version ?? previous?.version ?? null,
    timestamp: data.timestamp ?? previous?.timestamp ?? null,
  };
}

function sameBlock(a: BlockView | undefined, b: BlockView): boolean {
  return (
    a !== undefined &&
    a.status === b.status &&
    a.sql === b.sql &&
    a.order === b.order &&
    a.version === b.version &&
    a.timestamp === b.timestamp &&
    a.target === b.target &&
    a.dialect === b.dialect
  );
}

function samePercentage(a: ProgressData | null, b: ProgressData | null): boolean {
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
    JSON.stringify(a.stats ?? null) === JSON.stringify(b.stats ?? null)
  );
}
