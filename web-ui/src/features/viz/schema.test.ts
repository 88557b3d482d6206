import { describe, expect, it } from 'vitest';
import { checkedResult } from './schema';

// What may enter the chart sandbox: a typed {columns, rows}; anything else is named where it is wrong.
describe('checkedResult', () => {
  const columns = [
    { name: 'status', type: 'VARCHAR' },
    { name: 'orders', type: 'BIGINT' },
  ];

  it('shouldPassATypedResult', () => {
    // Given / When
    const result = checkedResult({ columns, rows: [['placed', 13], ['shipped', null]] });
    // Then
    expect(result.rows).toEqual([['placed', 13], ['shipped', null]]);
  });

  it('shouldNameTheCellThatIsNotAValue', () => {
    // Given a cell holding an object / When / Then
    expect(() => checkedResult({ columns, rows: [['placed', 13], ['shipped', { n: 20 }]] })).toThrow(
      'The result is malformed at rows[1][1]: expected a string, a number, a boolean or null',
    );
  });

  it('shouldNameAMissingPartAndARowOfTheWrongWidth', () => {
    // Given / When / Then
    expect(() => checkedResult({ rows: [] })).toThrow(/^The result is malformed at columns: /);
    expect(() => checkedResult({ columns: [{ name: '', type: 'VARCHAR' }], rows: [] })).toThrow(/^The result is malformed at columns\[0\]\.name: /);
    expect(() => checkedResult({ columns, rows: [['placed', 13], ['shipped']] })).toThrow('The result is malformed at rows[1]: 1 cells for 2 columns');
  });
});
