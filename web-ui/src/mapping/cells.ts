import type { Diagnostic, MappingRow, RowPatch, SheetInfo } from '../api/documents';

/** The grid's columns that are canonical fields of a mapping row (the keys of headerMapping). */
export type FieldKey =
  | 'target_table'
  | 'target_column'
  | 'target_type'
  | 'source_system'
  | 'source_table'
  | 'source_column'
  | 'transformation'
  | 'join'
  | 'filter'
  | 'key'
  | 'nullable'
  | 'default_value'
  | 'description';

/** Canonical fields whose text a user edits in the grid, with the row property RowPatch names. */
export const EDITABLE_FIELDS: Partial<Record<FieldKey, keyof RowPatch>> = {
  target_table: 'targetTable',
  target_column: 'targetColumn',
  target_type: 'targetType',
  source_table: 'sourceTable',
  source_column: 'sourceColumns',
  transformation: 'transformation',
  join: 'join',
  filter: 'filter',
  default_value: 'defaultValue',
  description: 'description',
};

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A row field as the grid shows it (and as an edit of it is typed). */
export function fieldText(row: MappingRow, field: FieldKey): string {
  switch (field) {
    case 'target_table':
      return text(row.targetTable);
    case 'target_column':
      return text(row.targetColumn);
    case 'target_type':
      return text(row.targetType);
    case 'source_system':
      return text(row.sourceSystem);
    case 'source_table':
      return text(row.sourceTable);
    case 'source_column':
      return row.sourceColumns.map((s) => (s.table ? `${s.table}.${s.column}` : s.column)).join(', ') || text(row.rawSource);
    case 'transformation':
      return text(row.transformation);
    case 'join':
      return text(row.join);
    case 'filter':
      return text(row.filter);
    case 'key':
      return row.key ? 'yes' : '';
    case 'nullable':
      return row.nullable === null || row.nullable === undefined ? '' : row.nullable ? 'yes' : 'no';
    case 'default_value':
      return text(row.defaultValue);
    case 'description':
      return text(row.description);
  }
}

export interface CellAddress {
  sheet: string;
  column: string;
  row: number;
}

/** "Mappings!C18" or "'My sheet'!C18" (Excel quoting, '' for a quote) -> its parts; null when it is not a cell. */
export function parseCell(cell: string | null | undefined): CellAddress | null {
  if (!cell) return null;
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell.trim());
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], column: m[3], row: Number(m[4]) };
}

export interface PlacedDiagnostics {
  /** row ref -> field -> the diagnostics about that cell */
  cells: Map<string, Map<FieldKey, Diagnostic[]>>;
  /** row ref -> every diagnostic about the row (those placed on a cell too) */
  rows: Map<string, Diagnostic[]>;
}

/**
 * Places each diagnostic on the cell it names: the cell's column letter is looked up in the column the parser
 * read each field from (SheetInfo.columns). A diagnostic about a column the grid does not show stays on its row.
 */
export function placeDiagnostics(diagnostics: Diagnostic[], sheets: SheetInfo[] | null | undefined): PlacedDiagnostics {
  const fieldOfColumn = new Map<string, Map<string, FieldKey>>();
  for (const s of sheets ?? []) {
    const byLetter = new Map<string, FieldKey>();
    for (const [field, letter] of Object.entries(s.columns ?? {})) byLetter.set(letter, field as FieldKey);
    fieldOfColumn.set(s.name, byLetter);
  }
  const cells = new Map<string, Map<FieldKey, Diagnostic[]>>();
  const rows = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.ref) continue;
    rows.set(d.ref, [...(rows.get(d.ref) ?? []), d]);
    const at = parseCell(d.cell);
    const field = at ? fieldOfColumn.get(at.sheet)?.get(at.column) : undefined;
    if (!field) continue;
    const byField = cells.get(d.ref) ?? new Map<FieldKey, Diagnostic[]>();
    byField.set(field, [...(byField.get(field) ?? []), d]);
    cells.set(d.ref, byField);
  }
  return { cells, rows };
}

/** The worst severity of some diagnostics: 'error', 'warning', 'info' or '' when there are none. */
export function worstSeverity(found: Diagnostic[] | undefined): '' | 'error' | 'warning' | 'info' {
  if (!found || found.length === 0) return '';
  if (found.some((d) => d.severity === 'error')) return 'error';
  return found.some((d) => d.severity === 'warning') ? 'warning' : 'info';
}
