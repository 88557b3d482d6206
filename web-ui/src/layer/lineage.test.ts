import { describe, expect, it } from 'vitest';
import { columnJoins } from './lineage';

// the joins block of jaffle-shop's customers, as the compiler writes it for DuckDB
const CUSTOMERS = [
  'FROM "raw_customers"',
  'LEFT JOIN "agg_raw_orders_by_raw_orders_user_id" ON "agg_raw_orders_by_raw_orders_user_id"."__key" = "raw_customers"."id" -- @mapping[Mappings:21] @mapping[Mappings:22] @mapping[Mappings:23]',
  'LEFT JOIN "agg_raw_payments_by_raw_orders_user_id" ON "agg_raw_payments_by_raw_orders_user_id"."__key" = "raw_customers"."id" -- @mapping[Mappings:24]',
].join('\n');

describe('columnJoins', () => {
  it('gives the joins that name the column\'s mapping row, without their comment', () => {
    expect(columnJoins(CUSTOMERS, '@mapping[Mappings:24]')).toEqual([
      'LEFT JOIN "agg_raw_payments_by_raw_orders_user_id" ON "agg_raw_payments_by_raw_orders_user_id"."__key" = "raw_customers"."id"',
    ]);
    expect(columnJoins(CUSTOMERS, '@mapping[Mappings:22]')).toHaveLength(1);
  });

  it('gives none for a column of the driving table, a row named only as a prefix, or no joins block', () => {
    expect(columnJoins(CUSTOMERS, '@mapping[Mappings:18]')).toEqual([]);
    expect(columnJoins(CUSTOMERS, '@mapping[Mappings:2]')).toEqual([]);
    expect(columnJoins(undefined, '@mapping[Mappings:24]')).toEqual([]);
    expect(columnJoins(CUSTOMERS, null)).toEqual([]);
  });

  it('reads INNER, FULL OUTER and plain joins; a join without a comment serves no row', () => {
    const sql = ['FROM "a"', 'INNER JOIN "b" ON b.id = a.id -- @mapping[S:3]', 'FULL OUTER JOIN "c" ON c.id = a.id -- @mapping[S:3] @mapping[S:4]', 'JOIN "d" ON d.id = a.id'].join('\n');
    expect(columnJoins(sql, '@mapping[S:3]')).toEqual(['INNER JOIN "b" ON b.id = a.id', 'FULL OUTER JOIN "c" ON c.id = a.id']);
    expect(columnJoins(sql, '@mapping[S:4]')).toEqual(['FULL OUTER JOIN "c" ON c.id = a.id']);
  });
});
