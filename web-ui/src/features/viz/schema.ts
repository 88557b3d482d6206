import { z } from 'zod';

/** A typed query result: validated here before anything of it enters the chart sandbox. */
export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const queryResultSchema = z.object({
  columns: z.array(z.object({ name: z.string().min(1), type: z.string() })).min(1),
  rows: z.array(z.array(cellSchema)),
});
export type QueryResult = z.infer<typeof queryResultSchema>;
export type Cell = z.infer<typeof cellSchema>;

/** Where and what the first problem of a value Zod refused is, in words: "rows[2][1]: expected a string, ...". */
export function describeIssue(error: z.ZodError, whole = 'the result'): string {
  const issue = error.issues[0];
  if (!issue) return 'no detail';
  const path = issue.path.reduce<string>((at, part) => (typeof part === 'number' ? `${at}[${part}]` : at ? `${at}.${String(part)}` : String(part)), '');
  const what = issue.code === 'invalid_union' ? 'expected a string, a number, a boolean or null' : issue.message;
  return `${path || whole}: ${what}`;
}

/** A typed result `{columns, rows}`, or an Error saying where it is malformed; nothing else may enter the sandbox. */
export function checkedResult(value: unknown): QueryResult {
  const checked = queryResultSchema.safeParse(value);
  if (checked.success) {
    const width = checked.data.columns.length;
    const ragged = checked.data.rows.findIndex((row) => row.length !== width);
    if (ragged < 0) return checked.data;
    throw new Error(`The result is malformed at rows[${ragged}]: ${checked.data.rows[ragged].length} cells for ${width} columns`);
  }
  throw new Error('The result is malformed at ' + describeIssue(checked.error));
}

export const CHART_TYPES = ['bar', 'line', 'area', 'scatter', 'table', 'kpi'] as const;
export const COLOR_SCHEMES = ['default', 'blues', 'warm', 'greyscale'] as const;
export const SORTS = ['none', 'asc', 'desc'] as const;

/** The parameters every component receives as `params`; x and y name result columns. */
export const vizParamsSchema = z
  .object({
    title: z.string().max(200).optional(),
    chart_type: z.enum(CHART_TYPES).optional(),
    color_scheme: z.enum(COLOR_SCHEMES).optional(),
    sort: z.enum(SORTS).optional(),
    limit: z.number().int().positive().max(100000).nullable().optional(),
    x: z.string().nullable().optional(),
    y: z.array(z.string()).optional(),
  })
  .passthrough();
export type VizParams = z.infer<typeof vizParamsSchema>;

/** The events of a run, as seed 001 names and shapes them. */
export const vizEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('thinking'), content: z.string() }),
  z.object({ type: z.literal('code_chunk'), language: z.string(), content: z.string() }),
  z.object({
    type: z.literal('data_ready'),
    url: z.string().startsWith('/api/v1/viz/data/'),
    size: z.enum(['small', 'large']),
    format: z.enum(['json', 'parquet']),
    rows: z.number().optional(),
    sql: z.string().nullable().optional(),
  }),
  z.object({
    type: z.literal('error'),
    message: z.string(),
    stage: z.enum(['sql_execution', 'code_generation', 'data_fetch']),
  }),
  z.object({
    type: z.literal('complete'),
    code_complete: z.boolean(),
    data_ready: z.boolean(),
    sql: z.string().nullable().optional(),
    parameters: z.record(z.string(), z.unknown()).nullable().optional(),
    data_source: z.string().nullable().optional(),
  }),
]);
export type VizEvent = z.infer<typeof vizEventSchema>;

/** An event of a run's stream this page cannot read: shown as an error, never dropped. */
export interface UnreadableEvent {
  type: 'unreadable';
  message: string;
}
export type StreamEvent = VizEvent | UnreadableEvent;

/** The event one frame's `data:` carries, validated; or, when it is not JSON or not an event, what is wrong with it. */
export function readEvent(data: string): StreamEvent {
  const shown = data.length > 160 ? `${data.slice(0, 160)}...` : data;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { type: 'unreadable', message: `The server sent an event that is not JSON: ${shown}` };
  }
  const parsed = vizEventSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return { type: 'unreadable', message: `The server sent an event this page cannot read (at ${describeIssue(parsed.error, 'the event')}): ${shown}` };
}

export const templateSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  generated_sql: z.string(),
  ui_code: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  data_source: z.string(),
  data_source_id: z.string().nullable(),
  data_url: z.string().nullable(),
  created_by: z.string().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type VizTemplate = z.infer<typeof templateSchema>;

/** What the portal posts into the sandbox, and what the sandbox answers. */
export interface RenderMessage {
  type: 'render';
  code: string;
  data: QueryResult;
  params: VizParams;
  renderId: number;
}
export type SandboxReply =
  | { type: 'ready' }
  | { type: 'rendered'; renderId: number }
  | { type: 'error'; renderId: number; message: string };
