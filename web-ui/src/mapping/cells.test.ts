import { describe, expect, it } from 'vitest';
import type { Diagnostic, MappingRow, SheetInfo } from '../api/documents';
import { fieldText, parseCell, placeDiagnostics, worstSeverity } from './cells';

const sheet: SheetInfo = {
  name: 'My sheet',
  role: 'mapping',
  headerRow: 1,
  headers: { A: 'Target Table', B: 'Target Column', C: 'Rule' },
  columns: { target_table: 'A', target_column: 'B', transformation: 'C' },
};

const diag = (cell: string | null, severity: Diagnostic['severity'] = 'warning', ref = '@mapping[My sheet:4]'): Diagnostic => ({
  severity,
  code: 'c',
  message: `about ${cell}`,
  cell,
  ref,
});

describe('parseCell', () => {
  it('shouldReadAPlainAndAQuotedSheetName', () => {
    // Given / When / Then
    expect(parseCell('Mappings!C18')).toEqual({ sheet: 'Mappings', column: 'C', row: 18 });
    expect(parseCell("'Bob''s sheet'!AB7")).toEqual({ sheet: "Bob's sheet", column: 'AB', row: 7 });
  });

  it('shouldAnswerNullForTextThatIsNotACell', () => {
    // Given / When / Then
    expect(parseCell('Mappings')).toBeNull();
    expect(parseCell(null)).toBeNull();
    expect(parseCell('Sheet!18')).toBeNull();
  });
});

describe('placeDiagnostics', () => {
  it('shouldPlaceADiagnosticOnTheFieldReadFromItsColumn', () => {
    // Given
    const diagnostics = [diag("'My sheet'!C4", 'error'), diag("'My sheet'!B4")];

    // When
    const placed = placeDiagnostics(diagnostics, [sheet]);

    // Then
    const cells = placed.cells.get('@mapping[My sheet:4]')!;
    expect(cells.get('transformation')?.map((d) => d.severity)).toEqual(['error']);
    expect(cells.get('target_column')?.map((d) => d.message)).toEqual(["about 'My sheet'!B4"]);
    expect(placed.rows.get('@mapping[My sheet:4]')).toHaveLength(2);
  });

  it('shouldKeepADiagnosticOnItsRowWhenItsColumnIsNoFieldOrItHasNoCell', () => {
    // Given
    const diagnostics = [diag("'My sheet'!F4"), diag(null), diag('Other!A4')];

    // When
    const placed = placeDiagnostics(diagnostics, [sheet]);

    // Then
    expect(placed.cells.size).toBe(0);
    expect(placed.rows.get('@mapping[My sheet:4]')).toHaveLength(3);
  });

  it('shouldIgnoreDocumentLevelDiagnostics', () => {
    // Given / When
    const placed = placeDiagnostics([{ severity: 'info', code: 'x', message: 'about the file' }], [sheet]);

    // Then
    expect(placed.rows.size).toBe(0);
  });
});

describe('worstSeverity and fieldText', () => {
  it('shouldRankErrorAboveWarningAboveInfo', () => {
    // Given / When / Then
    expect(worstSeverity([diag(null, 'info'), diag(null, 'error')])).toBe('error');
    expect(worstSeverity([diag(null, 'info'), diag(null, 'warning')])).toBe('warning');
    expect(worstSeverity([])).toBe('');
  });

  it('shouldShowSourceColumnsWithTheirTables', () => {
    // Given
    const row = { ref: '@mapping[S:2]', sheet: 'S', rowNumber: 2, key: false, sourceColumns: [{ table: 'orders', column: 'id' }, { column: 'x' }] } as MappingRow;

    // When / Then
    expect(fieldText(row, 'source_column')).toBe('orders.id, x');
    expect(fieldText(row, 'transformation')).toBe('');
  });
});
