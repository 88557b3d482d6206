import { describe, expect, it } from 'vitest';
import type { SheetInfo } from '../api/documents';
import { mergeOverrides, planOverrides } from './headerChoice';

const sheet: SheetInfo = {
  name: 'Map',
  role: 'mapping',
  headerRow: 1,
  headers: { A: 'Table', B: 'Column', C: 'Rule', D: 'Notes', E: 'notes' },
  columns: { target_table: 'A', target_column: 'B', description: 'C' },
};

describe('planOverrides', () => {
  it('shouldSendOnlyFieldsMovedToAnotherColumnByTheirHeaderText', () => {
    // Given / When
    const plan = planOverrides(sheet, { target_table: 'A', transformation: 'C', description: 'B', target_column: 'D' });

    // Then: D and E share a header text, so target_column cannot be told apart
    expect(plan.overrides).toEqual({ 'Map:transformation': 'Rule', 'Map:description': 'Column' });
    expect(plan.problems.some((p) => p.includes("Header 'Notes' appears in columns D, E"))).toBe(true);
  });

  it('shouldNameAColumnChosenForTwoFields', () => {
    // Given / When
    const plan = planOverrides(sheet, { transformation: 'C' });

    // Then: the parser read description from C, and transformation is now chosen there too
    expect(plan.problems).toEqual(['Column C (Rule) is chosen for description and transformation; pick one column per field.']);
  });

  it('shouldRefuseAColumnWithoutAHeader', () => {
    // Given / When
    const plan = planOverrides(sheet, { filter: 'F' });

    // Then
    expect(plan.overrides).toEqual({});
    expect(plan.problems[0]).toContain('Column F has no header');
  });

  it('shouldKeepTheOtherSheetsOverridesAndReplaceThisSheetsOwn', () => {
    // Given: the latest parse read Orders' rule from Notes and Map's description from Rule
    const current = { 'Orders:transformation': 'Notes', 'Map:description': 'Rule', key: 'PK' };

    // When: on Map the user swaps description and target_column
    const merged = mergeOverrides(current, planOverrides(sheet, { description: 'B', target_column: 'C' }));

    // Then
    expect(merged).toEqual({ 'Orders:transformation': 'Notes', 'Map:description': 'Column', key: 'PK', 'Map:target_column': 'Rule' });
  });
});
