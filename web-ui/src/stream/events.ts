/** The SSE contract of GET /api/v1/generations/{id}/events, as the gateway sends it (snake_case). */

export type BlockStatus = 'pending' | 'generating' | 'completed' | 'failed' | 'needs_attention' | string;

export interface BlockData {
  status: BlockStatus;
  sql?: string | null;
  order?: number | null;
  timestamp?: string | null;
}

export interface ProgressData {
  stage: string;
  message?: string | null;
  progress_percentage: number;
  stats?: Record<string, unknown> | null;
  estimated_completion?: string | null;
}

export interface BlockUpdateData {
  block_name: string;
  block_data: BlockData;
  target?: string | null;
  dialect?: string | null;
  version?: number | null;
}

/** A block in a hashmap snapshot: the seed's {status, sql, order, timestamp} plus what names it. */
export interface HashmapBlock extends BlockData {
  target?: string | null;
  block_name?: string | null;
  dialect?: string | null;
  version?: number | null;
  /** the block in every dialect it was rendered in */
  sql_by_dialect?: Record<string, string> | null;
}

export interface GenerationHashmap {
  generation_id?: string;
  semantic_layer_name?: string;
  status?: string;
  document_id?: string;
  primary_dialect?: string;
  dialects?: string[];
  checkpoint?: number;
  /** every target's blocks: keyed by block name (one target) or "<target>/<block name>" (several) */
  blocks?: Record<string, HashmapBlock>;
  layers?: Array<{
    target: string;
    status: string;
    mapping_rows?: number;
    columns?: number;
    columns_needing_attention?: number;
    blocks?: Record<string, HashmapBlock>;
  }>;
  metadata?: {
    mapping_file?: string;
    total_blocks?: number;
    completed_blocks?: number;
    progress_percentage?: number;
    estimated_completion?: string | null;
    columns_needing_attention?: number;
    targets?: string[];
  };
}

export interface HashmapSyncData {
  complete_hashmap: GenerationHashmap;
  reason: 'initial_load' | 'recovery' | 'checkpoint' | string;
}

export interface ValidationData {
  validation_id?: string;
  check: string;
  status: 'pass' | 'fail' | 'error' | 'skipped' | string;
  target?: string | null;
  column?: string | null;
  dialect?: string | null;
  blocks?: string[];
  mapping_refs?: string[];
  message?: string | null;
  failing_count?: number;
  checked_count?: number;
  index?: number;
  total?: number;
  code?: string | null;
  checkpoint?: number;
}

export interface GenerationCompleteData {
  final_sql?: string | null;
  filename?: string | null;
  artifacts?: Record<string, string>;
  columns_needing_attention?: number | unknown[];
}

export interface AiResultData {
  task_id?: string | null;
  kind?: string | null;
  status: 'completed' | 'failed' | 'not_configured' | string;
  content?: string | null;
  code?: string | null;
  message?: string | null;
}

export interface ErrorData {
  message: string;
  stage?: string | null;
  code?: string | null;
}

export type GenerationEvent =
  | { type: 'progress'; data: ProgressData }
  | { type: 'block_update'; data: BlockUpdateData }
  | { type: 'hashmap_sync'; data: HashmapSyncData }
  | { type: 'thought'; data: { content: string } }
  | { type: 'code_chunk'; data: { language?: string; content: string; block_name?: string | null } }
  | { type: 'data_ready'; data: { url: string; size?: number; format?: string } }
  | { type: 'validation'; data: ValidationData }
  | { type: 'ai_result'; data: AiResultData }
  | { type: 'generation_complete'; data: GenerationCompleteData }
  | { type: 'error'; data: ErrorData }
  | { type: 'done' };

export type GenerationEventName = GenerationEvent['type'];

export const GENERATION_EVENT_NAMES: readonly GenerationEventName[] = [
  'progress',
  'block_update',
  'hashmap_sync',
  'thought',
  'code_chunk',
  'data_ready',
  'validation',
  'ai_result',
  'generation_complete',
  'error',
  'done',
];

/** Turns one SSE message into a typed event; null for names or payloads this client does not understand. */
export function parseGenerationEvent(name: string, raw: string): GenerationEvent | null {
  if (!(GENERATION_EVENT_NAMES as readonly string[]).includes(name)) {
    return null;
  }
  if (name === 'done') {
    return { type: 'done' };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object') {
    return null;
  }
  return { type: name, data } as GenerationEvent;
}
