import { describe, expect, it } from 'vitest';
import { checkLinks, lineOfColumn } from './locate';

const sql = ['SELECT', '  o.order_id,', '  o.amount / 100 AS amount_usd,', '  "status" AS status', 'FROM orders o'].join('\n');

describe('lineOfColumn', () => {
  it('shouldFindTheLineThatAliasesTheColumn', () => {
    // Given / When / Then
    expect(lineOfColumn(sql, 'amount_usd')).toBe(3);
    expect(lineOfColumn(sql, 'STATUS')).toBe(4);
  });

  it('shouldFallBackToTheFirstLineNamingTheColumnAsAWord', () => {
    // Given / When / Then
    expect(lineOfColumn(sql, 'order_id')).toBe(2);
    expect(lineOfColumn(sql, 'amount')).toBe(3);
  });

  it('shouldAnswerNullWhenTheBlockDoesNotNameIt', () => {
    // Given / When / Then
    expect(lineOfColumn(sql, 'customer_id')).toBeNull();
    expect(lineOfColumn(undefined, 'x')).toBeNull();
    expect(lineOfColumn(sql, null)).toBeNull();
  });
});

describe('checkLinks', () => {
  const blocks: Array<{ key: string; name: string; target: string; sql: Record<string, string> }> = [
    { key: 'orders/select_clause', name: 'select_clause', target: 'orders', sql: { duckdb: 'SELECT\n  id,\n  total AS amount' } },
    { key: 'orders/from_clause', name: 'from_clause', target: 'orders', sql: { duckdb: 'FROM raw_orders' } },
    { key: 'customers/select_clause', name: 'select_clause', target: 'customers', sql: { postgresql: 'SELECT\n  amount' } },
  ];

  it('shouldLinkTheBlocksACheckNamesWithTheLineOfItsColumn', () => {
    // Given / When
    const links = checkLinks({ target: 'orders', column: 'amount', blocks: ['select_clause', 'from_clause'] }, blocks, 'duckdb');

    // Then
    expect(links).toEqual([
      { blockKey: 'orders/select_clause', blockName: 'select_clause', line: 3 },
      { blockKey: 'orders/from_clause', blockName: 'from_clause', line: null },
    ]);
  });

  it('shouldFindTheBlocksOfTheTargetThatWriteTheColumnWhenTheCheckNamesNone', () => {
    // Given / When
    const links = checkLinks({ target: 'customers', column: 'amount' }, blocks, 'duckdb');

    // Then: the block has no DuckDB text, so its PostgreSQL text is searched
    expect(links).toEqual([{ blockKey: 'customers/select_clause', blockName: 'select_clause', line: 2 }]);
  });
});
