import { parseMarkdown } from './markdown';

/**
 * The model draft of a modeler session (seed 003's model-draft hash): the analytical model the user is shaping,
 * stored by the server as JSON with a version that each update increments. Its shape is the analysis' star schema,
 * reduced to what a user edits: facts with their grain, measures and dimensions, and dimensions with their source.
 */
export interface DraftFact {
  name: string;
  grain?: string;
  source?: string | null;
  dimensions: string[];
  measures: string[];
}

export interface DraftDimension {
  name: string;
  source?: string | null;
  attributes: string[];
}

export interface ModelDraft {
  facts: DraftFact[];
  dimensions: DraftDimension[];
}

interface StarSchemaLike {
  facts?: Array<{ name?: string; grain?: string; source?: string | null; keys?: Array<{ dimension?: string }>; measures?: Array<{ name?: string }> }>;
  dimensions?: Array<{ name?: string; source?: string | null; attributes?: Array<{ name?: string }> }>;
}

const names = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null ? String((x as { name?: unknown }).name ?? '') : '')).filter((x) => x.trim() !== '')
    : [];

/** The draft the analysis proposes: its star schema's facts and dimensions. */
export function draftFromStarSchema(star: StarSchemaLike | null | undefined): ModelDraft {
  return {
    facts: (star?.facts ?? []).filter((f) => f.name).map((f) => ({
      name: f.name ?? '',
      grain: f.grain ?? undefined,
      source: f.source ?? null,
      dimensions: [...new Set((f.keys ?? []).map((k) => k.dimension ?? '').filter(Boolean))],
      measures: names(f.measures),
    })),
    dimensions: (star?.dimensions ?? []).filter((d) => d.name).map((d) => ({ name: d.name ?? '', source: d.source ?? null, attributes: names(d.attributes) })),
  };
}

/**
 * A draft read from JSON the server stored or a model wrote: an object with a `facts` or a `dimensions` list, whose
 * entries are objects with a name or plain names. Anything else is null.
 */
export function readDraft(value: unknown): ModelDraft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as { facts?: unknown; dimensions?: unknown };
  if (!Array.isArray(v.facts) && !Array.isArray(v.dimensions)) return null;
  const entries = (list: unknown) => (Array.isArray(list) ? list : []).map((x) => (typeof x === 'string' ? { name: x } : (x as Record<string, unknown>))).filter((x) => x && typeof x.name === 'string' && x.name.trim() !== '');
  return {
    facts: entries(v.facts).map((f) => ({
      name: String(f.name).trim(),
      grain: typeof f.grain === 'string' ? f.grain : undefined,
      source: typeof f.source === 'string' ? f.source : null,
      dimensions: names(f.dimensions ?? (Array.isArray(f.keys) ? (f.keys as Array<{ dimension?: string }>).map((k) => k.dimension) : [])),
      measures: names(f.measures),
    })),
    dimensions: entries(v.dimensions).map((d) => ({ name: String(d.name).trim(), source: typeof d.source === 'string' ? d.source : null, attributes: names(d.attributes) })),
  };
}

/** The last fenced JSON block of an answer that reads as a draft (the modeler's brief asks for one on a change). */
export function draftFromAnswer(markdown: string): ModelDraft | null {
  const blocks = parseMarkdown(markdown).filter((b) => b.kind === 'code' && (b.language === 'json' || b.language === ''));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block.kind !== 'code') continue;
    try {
      const draft = readDraft(JSON.parse(block.text));
      if (draft) return draft;
    } catch {
      // not JSON: look further up
    }
  }
  return null;
}

/** What a user can do to a draft in the drawer. */
export type DraftEdit =
  | { kind: 'rename'; table: 'fact' | 'dimension'; index: number; name: string }
  | { kind: 'remove'; table: 'fact' | 'dimension'; index: number }
  | { kind: 'addDimension'; name: string; source: string }
  | { kind: 'replace'; draft: ModelDraft };

/** Applies one edit; removing a dimension also drops it from the facts that used it. */
export function editDraft(draft: ModelDraft, edit: DraftEdit): ModelDraft {
  switch (edit.kind) {
    case 'replace':
      return edit.draft;
    case 'rename':
      if (edit.table === 'fact') return { ...draft, facts: draft.facts.map((f, i) => (i === edit.index ? { ...f, name: edit.name } : f)) };
      {
        const old = draft.dimensions[edit.index]?.name;
        return {
          facts: draft.facts.map((f) => ({ ...f, dimensions: f.dimensions.map((d) => (d === old ? edit.name : d)) })),
          dimensions: draft.dimensions.map((d, i) => (i === edit.index ? { ...d, name: edit.name } : d)),
        };
      }
    case 'remove':
      if (edit.table === 'fact') return { ...draft, facts: draft.facts.filter((_, i) => i !== edit.index) };
      {
        const gone = draft.dimensions[edit.index]?.name;
        return {
          facts: draft.facts.map((f) => ({ ...f, dimensions: f.dimensions.filter((d) => d !== gone) })),
          dimensions: draft.dimensions.filter((_, i) => i !== edit.index),
        };
      }
    case 'addDimension':
      return { ...draft, dimensions: [...draft.dimensions, { name: edit.name.trim(), source: edit.source.trim() || null, attributes: [] }] };
  }
}

/** What stops a draft from being saved: empty or repeated table names. */
export function draftProblems(draft: ModelDraft): string[] {
  const problems: string[] = [];
  const all = [...draft.facts.map((f) => f.name), ...draft.dimensions.map((d) => d.name)];
  if (all.length === 0) problems.push('The draft has no table; keep at least one fact or dimension.');
  if (all.some((n) => !n.trim())) problems.push('Every table needs a name.');
  const seen = new Set<string>();
  for (const n of all.map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    if (seen.has(n)) problems.push(`The name ${n} is used twice; each table needs its own.`);
    seen.add(n);
  }
  return problems;
}
