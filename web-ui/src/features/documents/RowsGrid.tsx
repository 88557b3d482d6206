import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { Diagnostic, MappingRow } from '../../api/documents';

const ROW_HEIGHT = 34;

interface Column {
  key: string;
  label: string;
  width: number;
  value: (row: MappingRow) => string;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const COLUMNS: Column[] = [
  { key: 'ref', label: 'Row', width: 120, value: (r) => `${r.sheet}:${r.rowNumber}` },
  { key: 'target_table', label: 'Target table', width: 130, value: (r) => text(r.targetTable) },
  { key: 'target_column', label: 'Target column', width: 150, value: (r) => text(r.targetColumn) },
  { key: 'target_type', label: 'Type', width: 100, value: (r) => text(r.targetType) },
  { key: 'source_table', label: 'Source table', width: 130, value: (r) => text(r.sourceTable) },
  {
    key: 'source_column',
    label: 'Source columns',
    width: 170,
    value: (r) => r.sourceColumns.map((s) => (s.table ? `${s.table}.${s.column}` : s.column)).join(', ') || text(r.rawSource),
  },
  { key: 'transformation', label: 'Transformation', width: 280, value: (r) => text(r.transformation) },
  { key: 'join', label: 'Join', width: 180, value: (r) => text(r.join) },
  { key: 'filter', label: 'Filter', width: 160, value: (r) => text(r.filter) },
  { key: 'key', label: 'Key', width: 50, value: (r) => (r.key ? 'yes' : '') },
  { key: 'nullable', label: 'Nullable', width: 80, value: (r) => (r.nullable === null || r.nullable === undefined ? '' : r.nullable ? 'yes' : 'no') },
  { key: 'default_value', label: 'Default', width: 100, value: (r) => text(r.defaultValue) },
  { key: 'description', label: 'Description', width: 220, value: (r) => text(r.description) },
];

const TEMPLATE = `${COLUMNS.map((c) => `${c.width}px`).join(' ')} 320px`;

/**
 * The parsed mapping rows, virtualised (only the visible rows are in the DOM, so 10,000 rows scroll
 * smoothly), with the parser's diagnostics on their rows: the message and the cell it names.
 */
export function RowsGrid({ rows, diagnostics, highlight }: { rows: MappingRow[]; diagnostics: Diagnostic[]; highlight: string | null }) {
  const scroller = useRef<HTMLDivElement>(null);
  const byRef = useMemo(() => {
    const map = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (!d.ref) continue;
      const list = map.get(d.ref) ?? [];
      list.push(d);
      map.set(d.ref, list);
    }
    return map;
  }, [diagnostics]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const highlightIndex = highlight ? rows.findIndex((r) => r.ref === highlight || `${r.sheet}:${r.rowNumber}` === highlight) : -1;
  useEffect(() => {
    if (highlightIndex >= 0) {
      virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
    }
  }, [highlightIndex, virtualizer]);

  return (
    <div className="grid" role="table" aria-label="Mapping rows" aria-rowcount={rows.length + 1}>
      <div className="grid-scroll" ref={scroller} tabIndex={0} data-testid="rows-grid">
        <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" className="grid-cell">
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
            const found = byRef.get(row.ref) ?? [];
            const worst = found.some((d) => d.severity === 'error') ? 'error' : found.length > 0 ? 'warning' : '';
            return (
              <div
                key={row.ref}
                role="row"
                aria-rowindex={item.index + 2}
                data-ref={row.ref}
                className={`grid-row ${worst}${item.index === highlightIndex ? ' highlight' : ''}`}
                style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {COLUMNS.map((c) => {
                  const value = c.value(row);
                  return (
                    <div key={c.key} role="cell" className="grid-cell" title={value}>
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
          })}
        </div>
      </div>
    </div>
  );
}
