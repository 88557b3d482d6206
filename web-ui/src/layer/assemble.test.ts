import { describe, expect, it } from 'vitest';
import type { BlockView } from '../stream/generationReducer';
import { assembleLayer, formatRemaining, secondsUntil } from './assemble';

const block = (target: string, name: string, order: number, sql: Record<string, string>): BlockView => ({
  key: `${target}/${name}`,
  name,
  target,
  status: 'completed',
  sql,
  order,
  version: 1,
  timestamp: null,
});

describe('assembleLayer', () => {
  it('should group blocks under their target and note the line each block starts on', () => {
    // Given
    const groups: Array<[string, BlockView[]]> = [
      ['orders', [block('orders', 'select_clause', 1, { duckdb: 'SELECT o.id\nFROM x' }), block('orders', 'joins', 2, {})]],
      ['customers', [block('customers', 'select_clause', 1, { duckdb: 'SELECT c.id' })]],
    ];

    // When
    const layer = assembleLayer(groups, 'duckdb');

    // Then
    const lines = layer.text.split('\n');
    expect(lines[0]).toBe('-- ===== target orders =====');
    expect(lines[layer.lines['orders/select_clause']]).toBe('SELECT o.id');
    expect(lines[layer.lines['customers/select_clause']]).toBe('SELECT c.id');
    expect(layer.missing).toEqual(['orders/joins']);
    expect(layer.text).toContain('-- --- orders · joins v1 (completed)\n-- (pending)');
  });

  it('should use the comment style of the language', () => {
    // Given
    const groups: Array<[string, BlockView[]]> = [['orders', [block('orders', 'select_clause', 1, { pyspark: 'df = 1' })]]];

    // When
    const layer = assembleLayer(groups, 'pyspark', '#');

    // Then
    expect(layer.text.startsWith('# ===== target orders =====')).toBe(true);
  });
});

describe('remaining time', () => {
  it('should count down to the estimate and never below zero', () => {
    // Given
    const now = Date.parse('2026-12-03T10:00:00Z');

    // When / Then
    expect(secondsUntil('2026-12-03T10:01:15Z', now)).toBe(75);
    expect(secondsUntil('2026-12-03T09:59:00Z', now)).toBe(0);
    expect(secondsUntil(null, now)).toBeNull();
    expect(formatRemaining(75)).toBe('about 1 min 15 s left');
    expect(formatRemaining(null)).toBe('estimating…');
  });
});

import { sideBySide } from './diff';

describe('sideBySide', () => {
  it('should keep common lines and put removed lines left and added lines right', () => {
    // Given
    const before = 'SELECT a\nFROM t\nWHERE x';
    const after = 'SELECT a, b\nFROM t';

    // When
    const diff = sideBySide(before, after);

    // Then
    expect(diff).toEqual([
      { kind: 'added', left: null, right: 'SELECT a, b' },
      { kind: 'removed', left: 'SELECT a', right: null },
      { kind: 'same', left: 'FROM t', right: 'FROM t' },
      { kind: 'removed', left: 'WHERE x', right: null },
    ]);
  });
});
