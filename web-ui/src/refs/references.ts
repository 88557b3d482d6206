/**
 * The chat's reference grammar: `@kind[value]` with kind one of mapping, code, schema, generation.
 *   @mapping[Sheet:row]      a mapping row (row is a number; the sheet may contain spaces)
 *   @code[block]             a block of the layer, optionally target-qualified: @code[orders.joins]
 *   @schema[table.column]    a source or target column
 *   @generation[step]        a step of the generation (a stage or a checkpoint)
 */
export const REFERENCE_KINDS = ['mapping', 'code', 'schema', 'generation'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Reference {
  kind: ReferenceKind;
  value: string;
  /** the text as written, e.g. "@mapping[Mapping:12]" */
  raw: string;
  start: number;
  end: number;
  /** why the value does not fit its kind's form; null when it does */
  problem: string | null;
}

const PATTERN = /@([a-z]+)\[([^\]\n]*)\]/gi;

export function parseReferences(text: string): Reference[] {
  const found: Reference[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const kind = match[1].toLowerCase();
    if (!(REFERENCE_KINDS as readonly string[]).includes(kind)) {
      continue;
    }
    const value = match[2].trim();
    const start = match.index ?? 0;
    found.push({
      kind: kind as ReferenceKind,
      value,
      raw: `@${kind}[${value}]`,
      start,
      end: start + match[0].length,
      problem: problemOf(kind as ReferenceKind, value),
    });
  }
  return found;
}

function problemOf(kind: ReferenceKind, value: string): string | null {
  if (value === '') {
    return `@${kind}[] is empty: write what it refers to inside the brackets`;
  }
  switch (kind) {
    case 'mapping':
      return /^.+:\d+$/.test(value) ? null : `@mapping[${value}] should be @mapping[Sheet:row], e.g. @mapping[Mapping:12]`;
    case 'schema':
      return /^[^.\s]+(\.[^.\s]+)+$/.test(value) ? null : `@schema[${value}] should be @schema[table.column]`;
    default:
      return null;
  }
}

export interface Completion {
  /** where the text being completed starts (the @) and ends (the caret) */
  from: number;
  to: number;
  /** what replaces it */
  options: string[];
}

/** Candidates the document, layer and generation offer, by kind (values without the @kind[...] wrapper). */
export type Candidates = Record<ReferenceKind, readonly string[]>;

const MAX_OPTIONS = 8;

/**
 * What to offer at the caret: after "@" or "@ma" the kinds; inside "@mapping[Map" the candidate values
 * starting with (then containing) what is typed. Null when the caret is not in a reference.
 */
export function completeAt(text: string, caret: number, candidates: Candidates): Completion | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && /[\w.]/.test(before[at - 1]))) {
    return null;
  }
  const typed = before.slice(at + 1);
  const open = typed.indexOf('[');
  if (open < 0) {
    if (!/^[a-z]*$/i.test(typed)) {
      return null;
    }
    const options = REFERENCE_KINDS.filter((k) => k.startsWith(typed.toLowerCase())).map((k) => `@${k}[`);
    return options.length === 0 ? null : { from: at, to: caret, options };
  }
  const kind = typed.slice(0, open).toLowerCase();
  const partial = typed.slice(open + 1);
  if (!(REFERENCE_KINDS as readonly string[]).includes(kind) || partial.includes(']')) {
    return null;
  }
  const needle = partial.toLowerCase();
  const values = candidates[kind as ReferenceKind];
  const prefixed = values.filter((v) => v.toLowerCase().startsWith(needle));
  const containing = values.filter((v) => !v.toLowerCase().startsWith(needle) && v.toLowerCase().includes(needle));
  const options = [...prefixed, ...containing].slice(0, MAX_OPTIONS).map((v) => `@${kind}[${v}]`);
  return options.length === 0 ? null : { from: at, to: caret, options };
}

/** Applies a chosen option: returns the new text and caret. */
export function applyCompletion(text: string, completion: Completion, option: string): { text: string; caret: number } {
  const after = text.slice(completion.to).replace(/^[^\s\]]*\]?/, option.endsWith(']') ? '' : '');
  const next = text.slice(0, completion.from) + option + (option.endsWith(']') && !after.startsWith(' ') ? ' ' : '') + after;
  const caret = completion.from + option.length + (option.endsWith(']') ? 1 : 0);
  return { text: next, caret: Math.min(caret, next.length) };
}
