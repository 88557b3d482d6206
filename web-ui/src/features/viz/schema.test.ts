import { describe, expect, it } from 'vitest';
import { checkedResult, readEvent } from './schema';

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

// An event of the run's stream the page cannot read is shown as an error, never dropped without a word.
describe('readEvent', () => {
  it('shouldReadAnEventOfTheSeed', () => {
    // Given / When
    const event = readEvent('{"type":"error","message":"run_sql failed","stage":"sql_execution"}');
    // Then
    expect(event).toEqual({ type: 'error', message: 'run_sql failed', stage: 'sql_execution' });
  });

  it('shouldNameWhatIsWrongWithAnEventTheSchemaRefuses', () => {
    // Given an error of a stage the seed does not have, and an event of no known type / When
    const stage = readEvent('{"type":"error","message":"boom","stage":"rendering"}');
    const unknown = readEvent('{"type":"progress","percent":40}');
    // Then
    expect(stage.type).toBe('unreadable');
    expect(stage.type === 'unreadable' && stage.message).toMatch(/^The server sent an event this page cannot read \(at stage: .+\): \{"type":"error","message":"boom","stage":"rendering"\}$/);
    expect(unknown.type).toBe('unreadable');
    expect(unknown.type === 'unreadable' && unknown.message).toMatch(/^The server sent an event this page cannot read \(at type: .+\): \{"type":"progress","percent":40\}$/);
  });

  it('shouldSayAnEventIsNotJson', () => {
    // Given / When
    const event = readEvent('{"type":"thinking","content":');
    // Then
    expect(event).toEqual({ type: 'unreadable', message: 'The server sent an event that is not JSON: {"type":"thinking","content":' });
  });
});
