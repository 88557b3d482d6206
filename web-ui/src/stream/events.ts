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

export interface GenerationHashmap {
  generation_id?: string;
  semantic_layer_name?: string;
  status?: string;
  blocks?: Record<string, BlockData & { target?: string | null; dialect?: string | null; version?: number | null }>;
  metadata?: {
    mapping_file?: string;
    total_blocks?: number;
    completed_blocks?: number;
    progress_percentage?: number;
    estimated_completion?: string | null;
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
  columns_needing_attention?: number;
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
