import { describe, expect, it } from 'vitest';
import { applyCompletion, completeAt, parseReferences, type Candidates } from './references';

const candidates: Candidates = {
  mapping: ['Mapping:2', 'Mapping:3', 'Mapping:12', 'Customers sheet:4'],
  code: ['orders.select_clause', 'orders.joins', 'customers.select_clause'],
  schema: ['raw_orders.id', 'raw_orders.amount', 'raw_customers.id'],
  generation: ['compiling', 'validating', 'checkpoint 1'],
};

describe('reference grammar', () => {
  it('should find every kind of reference with its position in the text', () => {
    // Given
    const text = 'Use @mapping[Mapping:12] and @code[orders.joins], see @schema[raw_orders.amount] at @generation[compiling]';

    // When
    const refs = parseReferences(text);

    // Then
    expect(refs.map((r) => [r.kind, r.value])).toEqual([
      ['mapping', 'Mapping:12'],
      ['code', 'orders.joins'],
      ['schema', 'raw_orders.amount'],
      ['generation', 'compiling'],
    ]);
    expect(text.slice(refs[0].start, refs[0].end)).toBe('@mapping[Mapping:12]');
    expect(refs.every((r) => r.problem === null)).toBe(true);
  });

  it('should accept sheet names with spaces and say what is wrong with a malformed value', () => {
    // Given
    const text = '@mapping[Customers sheet:4] @mapping[Mapping] @schema[amount] @code[]';

    // When
    const refs = parseReferences(text);

    // Then
    expect(refs[0].problem).toBeNull();
    expect(refs[1].problem).toContain('@mapping[Sheet:row]');
    expect(refs[2].problem).toContain('@schema[table.column]');
    expect(refs[3].problem).toContain('empty');
  });

  it('should ignore unknown kinds and e-mail addresses', () => {
    // Given
    const text = 'mail alice@example.com about @foo[bar]';

    // When
    const refs = parseReferences(text);

    // Then
    expect(refs).toEqual([]);
  });
});

describe('reference completion', () => {
  it('should offer the kinds after a bare @', () => {
    // Given
    const text = 'fix @ma';

    // When
    const completion = completeAt(text, text.length, candidates);

    // Then
    expect(completion).toEqual({ from: 4, to: 7, options: ['@mapping['] });
  });

  it('should offer values that start with, then contain, what is typed', () => {
    // Given
    const text = 'see @code[sel';

    // When
    const completion = completeAt(text, text.length, candidates);

    // Then
    expect(completion?.options).toEqual(['@code[orders.select_clause]', '@code[customers.select_clause]']);
  });

  it('should offer nothing outside a reference or for a closed one', () => {
    // Given
    const closed = 'see @code[orders.joins] ok';

    // When / Then
    expect(completeAt(closed, closed.length, candidates)).toBeNull();
    expect(completeAt('plain text', 5, candidates)).toBeNull();
    expect(completeAt('alice@exa', 9, candidates)).toBeNull();
  });

  it('should replace the typed prefix with the chosen option and put the caret after it', () => {
    // Given
    const text = 'fix @mapping[Map please';
    const completion = completeAt(text, 16, candidates)!;

    // When
    const applied = applyCompletion(text, completion, '@mapping[Mapping:12]');

    // Then
    expect(applied.text).toBe('fix @mapping[Mapping:12] please');
    expect(applied.caret).toBe('fix @mapping[Mapping:12] '.length);
  });
});
