import { describe, expect, it } from 'vitest';
import type { MappingRow } from '../api/documents';
import { countEdits, emptyEdits, rowEditsReducer, toPatches } from './rowEdits';

const row = (n: number, transformation: string | null = null): MappingRow => ({
  ref: `@mapping[Map:${n}]`,
  sheet: 'Map',
  rowNumber: n,
  targetTable: 'orders',
  targetColumn: `c${n}`,
  transformation,
  key: false,
  sourceColumns: [],
});

describe('rowEditsReducer', () => {
  it('shouldKeepTypedTextPerRowAndField', () => {
    // Given
    let state = rowEditsReducer(emptyEdits, { type: 'start', baseVersion: 3 });

    // When
    state = rowEditsReducer(state, { type: 'set', row: row(2), field: 'transformation', value: 'UPPER(x)' });
    state = rowEditsReducer(state, { type: 'set', row: row(2), field: 'description', value: 'the x' });
    state = rowEditsReducer(state, { type: 'set', row: row(5), field: 'target_column', value: 'renamed' });

    // Then
    expect(state.baseVersion).toBe(3);
    expect(countEdits(state)).toEqual({ rows: 2, cells: 3 });
    expect(state.edits['@mapping[Map:2]']).toEqual({ transformation: 'UPPER(x)', description: 'the x' });
  });

  it('shouldForgetAnEditThatTypesTheOriginalBack', () => {
    // Given
    let state = rowEditsReducer(emptyEdits, { type: 'start', baseVersion: 1 });
    state = rowEditsReducer(state, { type: 'set', row: row(2, 'TRIM(x)'), field: 'transformation', value: 'UPPER(x)' });

    // When
    state = rowEditsReducer(state, { type: 'set', row: row(2, 'TRIM(x)'), field: 'transformation', value: 'TRIM(x)' });

    // Then
    expect(state.edits).toEqual({});
  });

  it('shouldDropEditsMadeOnAnotherVersionAndRefuseFieldsThatAreNotEditable', () => {
    // Given
    let state = rowEditsReducer(emptyEdits, { type: 'start', baseVersion: 1 });
    state = rowEditsReducer(state, { type: 'set', row: row(2), field: 'transformation', value: 'UPPER(x)' });

    // When
    const same = rowEditsReducer(state, { type: 'start', baseVersion: 1 });
    const next = rowEditsReducer(state, { type: 'start', baseVersion: 2 });
    const key = rowEditsReducer(state, { type: 'set', row: row(3), field: 'key', value: 'yes' });

    // Then
    expect(countEdits(same).cells).toBe(1);
    expect(next).toEqual({ baseVersion: 2, edits: {} });
    expect(key).toBe(state);
  });
});

describe('toPatches', () => {
  it('shouldNameRowsAsSheetRowAndSendAnEmptiedFieldAsNull', () => {
    // Given
    let state = rowEditsReducer(emptyEdits, { type: 'start', baseVersion: 1 });
    state = rowEditsReducer(state, { type: 'set', row: row(2, 'TRIM(x)'), field: 'transformation', value: '  ' });
    state = rowEditsReducer(state, { type: 'set', row: row(2, 'TRIM(x)'), field: 'source_column', value: ' orders.id ' });

    // When
    const patches = toPatches(state);

    // Then
    expect(patches).toEqual({ 'Map:2': { transformation: null, sourceColumns: 'orders.id' } });
  });
});
