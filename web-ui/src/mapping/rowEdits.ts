import type { MappingRow, RowPatch } from '../api/documents';
import { EDITABLE_FIELDS, fieldText, type FieldKey } from './cells';

/**
 * Edits typed into the grid and not saved yet: per row ref, the new text of each field changed. They are
 * made on one spec version (baseVersion) and saved together as the next version.
 */
export interface RowEditsState {
  baseVersion: number | null;
  /** row ref -> field -> the text typed */
  edits: Record<string, Partial<Record<FieldKey, string>>>;
}

export type RowEditsAction =
  | { type: 'start'; baseVersion: number }
  | { type: 'set'; row: MappingRow; field: FieldKey; value: string }
  | { type: 'discard' };

export const emptyEdits: RowEditsState = { baseVersion: null, edits: {} };

export function rowEditsReducer(state: RowEditsState, action: RowEditsAction): RowEditsState {
  switch (action.type) {
    case 'start':
      // edits made on another version are dropped: they would overwrite rows the user has not seen
      return state.baseVersion === action.baseVersion ? state : { baseVersion: action.baseVersion, edits: {} };
    case 'discard':
      return { ...state, edits: {} };
    case 'set': {
      if (!EDITABLE_FIELDS[action.field]) return state;
      const ref = action.row.ref;
      const fields = { ...(state.edits[ref] ?? {}) };
      if (action.value === fieldText(action.row, action.field)) {
        delete fields[action.field];
      } else {
        fields[action.field] = action.value;
      }
      const edits = { ...state.edits };
      if (Object.keys(fields).length === 0) {
        delete edits[ref];
      } else {
        edits[ref] = fields;
      }
      return { ...state, edits };
    }
  }
}

/** The number of rows and cells edited. */
export function countEdits(state: RowEditsState): { rows: number; cells: number } {
  const rows = Object.values(state.edits);
  return { rows: rows.length, cells: rows.reduce((n, f) => n + Object.keys(f).length, 0) };
}

/** The request body of the version write: row ref -> RowPatch (an emptied field is sent as null). */
export function toPatches(state: RowEditsState): Record<string, RowPatch> {
  const out: Record<string, RowPatch> = {};
  for (const [ref, fields] of Object.entries(state.edits)) {
    const patch: RowPatch = {};
    for (const [field, value] of Object.entries(fields) as Array<[FieldKey, string]>) {
      const name = EDITABLE_FIELDS[field];
      if (!name) continue;
      const trimmed = value.trim();
      patch[name] = trimmed === '' ? null : trimmed;
    }
    out[ref.replace(/^@mapping\[(.*)\]$/, '$1')] = patch;
  }
  return out;
}
