import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic, MappingRow } from '../../api/documents';
import { EDITABLE_FIELDS, fieldText, worstSeverity, type FieldKey, type PlacedDiagnostics } from '../../mapping/cells';
import type { RowEditsState } from '../../mapping/rowEdits';

const ROW_HEIGHT = 34;

interface Column {
  field: FieldKey;
  label: string;
  width: number;
}

const COLUMNS: Column[] = [
  { field: 'target_table', label: 'Target table', width: 130 },
  { field: 'target_column', label: 'Target column', width: 150 },
  { field: 'target_type', label: 'Type', width: 100 },
  { field: 'source_table', label: 'Source table', width: 130 },
  { field: 'source_column', label: 'Source columns', width: 170 },
  { field: 'transformation', label: 'Transformation', width: 280 },
  { field: 'join', label: 'Join', width: 180 },
  { field: 'filter', label: 'Filter', width: 160 },
  { field: 'key', label: 'Key', width: 50 },
  { field: 'nullable', label: 'Nullable', width: 80 },
  { field: 'default_value', label: 'Default', width: 100 },
  { field: 'description', label: 'Description', width: 220 },
];

const TEMPLATE = `150px ${COLUMNS.map((c) => `${c.width}px`).join(' ')} 320px`;
const rowLabel = (r: MappingRow) => `${r.sheet}:${r.rowNumber}`;
const tipId = (ref: string, field: string) => `tip-${ref.replace(/[^A-Za-z0-9]/g, '_')}-${field}`;

interface Tip {
  id: string;
  diagnostics: Diagnostic[];
  left: number;
  top: number;
}

interface Props {
  rows: MappingRow[];
  placed: PlacedDiagnostics;
  highlight: string | null;
  /** edits typed and not saved yet; null when the grid shows an older version (read-only) */
  edits: RowEditsState | null;
  editing: string | null;
  onEditing: (ref: string | null) => void;
  onChange: (row: MappingRow, field: FieldKey, value: string) => void;
}

/**
 * The parsed mapping rows, virtualised (only the visible rows are in the DOM, so 10,000 rows scroll
 * smoothly). Each diagnostic sits on the cell it names (the message on hover or focus) and all of a row's are
 * listed in its last column; a row is edited in place and the edits are kept until saved as a new version.
 */
export function RowsGrid({ rows, placed, highlight, edits, editing, onEditing, onChange }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const highlightIndex = highlight ? rows.findIndex((r) => r.ref === highlight || rowLabel(r) === highlight || `@mapping[${rowLabel(r)}]` === highlight) : -1;
  useEffect(() => {
    if (highlightIndex >= 0) {
      virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
    }
  }, [highlightIndex, virtualizer]);

  const showTip = useCallback((id: string, diagnostics: Diagnostic[], el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    setTip({ id, diagnostics, left: Math.min(r.left, window.innerWidth - 380), top: r.bottom + 4 });
  }, []);
  const hideTip = useCallback(() => setTip(null), []);
  // rows are memoised: the callbacks they get stay the same while the page's handlers change
  const editingRef = useRef(onEditing);
  editingRef.current = onEditing;
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const stableEditing = useCallback((ref: string | null) => editingRef.current(ref), []);
  const stableChange = useCallback((row: MappingRow, field: FieldKey, value: string) => changeRef.current(row, field, value), []);

  return (
    <div className="grid" role="table" aria-label="Mapping rows" aria-rowcount={rows.length + 1}>
      <div className="grid-scroll" ref={scroller} tabIndex={0} data-testid="rows-grid" onScroll={() => setTip(null)}>
        <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
          <div role="columnheader" className="grid-cell">
            Row
          </div>
          {COLUMNS.map((c) => (
            <div key={c.field} role="columnheader" className="grid-cell">
              {c.label}
            </div>
          ))}
          <div role="columnheader" className="grid-cell">
            Diagnostics
          </div>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <GridRow
                key={row.ref}
                row={row}
                index={item.index}
                start={item.start}
                found={placed.rows.get(row.ref)}
                onCells={placed.cells.get(row.ref)}
                pending={edits?.edits[row.ref]}
                editable={edits !== null}
                isEditing={editing === row.ref && edits !== null}
                highlighted={item.index === highlightIndex}
                onEditing={stableEditing}
                onChange={stableChange}
                showTip={showTip}
                hideTip={hideTip}
              />
            );
          })}
        </div>
      </div>
      {tip && (
        <div className="cell-tip" role="tooltip" data-testid="cell-tip" style={{ left: Math.max(8, tip.left), top: tip.top }}>
          {tip.diagnostics.map((d) => (
            <p key={d.code + d.message} className={`diag ${d.severity}`}>
              <strong>{d.code}</strong> {d.message}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

interface RowProps {
  row: MappingRow;
  index: number;
  start: number;
  found: Diagnostic[] | undefined;
  onCells: Map<FieldKey, Diagnostic[]> | undefined;
  pending: Partial<Record<FieldKey, string>> | undefined;
  editable: boolean;
  isEditing: boolean;
  highlighted: boolean;
  onEditing: (ref: string | null) => void;
  onChange: (row: MappingRow, field: FieldKey, value: string) => void;
  showTip: (id: string, diagnostics: Diagnostic[], el: HTMLElement) => void;
  hideTip: () => void;
}

/** One grid row; re-rendered only when its own data changes, not on every scroll frame. */
const GridRow = memo(function GridRow({ row, index, start, found = [], onCells, pending, editable, isEditing, highlighted, onEditing, onChange, showTip, hideTip }: RowProps) {
  const label = rowLabel(row);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-ref={row.ref}
      className={`grid-row ${worstSeverity(found)}${highlighted ? ' highlight' : ''}${pending ? ' edited' : ''}`}
      style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      <div role="rowheader" className="grid-cell row-label" title={label}>
        {editable && (
          <button
            type="button"
            className="link small"
            aria-label={isEditing ? `Done editing row ${label}` : `Edit row ${label}`}
            aria-pressed={isEditing}
            onClick={() => onEditing(isEditing ? null : row.ref)}
          >
            {isEditing ? 'done' : 'edit'}
          </button>
        )}
        <span className="mono">{label}</span>
      </div>
      {COLUMNS.map((c) => {
        const original = fieldText(row, c.field);
        const value = pending?.[c.field] ?? original;
        const diags = onCells?.get(c.field);
        const severity = worstSeverity(diags);
        const id = tipId(row.ref, c.field);
        if (isEditing && EDITABLE_FIELDS[c.field]) {
          return (
            <div key={c.field} role="cell" className={`grid-cell editing${severity ? ` cell-diag ${severity}` : ''}`} data-field={c.field}>
              <input
                aria-label={`${c.label} of row ${label}`}
                aria-describedby={diags ? id : undefined}
                value={value}
                onChange={(e) => onChange(row, c.field, e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === 'Escape') onEditing(null);
                }}
                onFocus={diags ? (e) => showTip(id, diags, e.currentTarget) : undefined}
                onBlur={hideTip}
              />
              {diags ? <span className="sr-only" id={id}>{diags.map((d) => `${d.severity} ${d.code}: ${d.message}`).join(' ')}</span> : null}
            </div>
          );
        }
        const edited = pending?.[c.field] !== undefined;
        return (
          <div
            key={c.field}
            role="cell"
            data-field={c.field}
            data-diagnostic={severity || undefined}
            className={`grid-cell${severity ? ` cell-diag ${severity}` : ''}${edited ? ' edited' : ''}`}
            title={diags ? undefined : value}
            tabIndex={diags ? 0 : undefined}
            aria-describedby={diags ? id : undefined}
            onMouseEnter={diags ? (e) => showTip(id, diags, e.currentTarget) : undefined}
            onMouseLeave={diags ? hideTip : undefined}
            onFocus={diags ? (e) => showTip(id, diags, e.currentTarget) : undefined}
            onBlur={diags ? hideTip : undefined}
          >
            {diags ? <span className="sr-only" id={id}>{diags.map((d) => `${d.severity} ${d.code}: ${d.message}`).join(' ')}</span> : null}
            {value}
          </div>
        );
      })}
      <div role="cell" className="grid-cell diagnostics-cell" title={found.map((d) => `${d.code}: ${d.message}`).join('\n')}>
        {found.map((d) => (
          <span key={d.code + d.message} className={`diag ${d.severity}`} data-code={d.code}>
            {d.cell ? <span className="mono">{d.cell.replace(/^.*!/, '')} </span> : null}
            {d.message}
          </span>
        ))}
      </div>
    </div>
  );
});
