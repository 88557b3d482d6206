import { describe, expect, it } from 'vitest';
import { draftFromAnswer, draftFromStarSchema, draftProblems, editDraft, readDraft } from './draft';

const star = {
  facts: [{ name: 'fct_orders', grain: 'one row per order', source: 'raw_orders', keys: [{ column: 'customer_key', dimension: 'dim_customers' }, { column: 'order_date_key', dimension: 'dim_date' }], measures: [{ name: 'amount' }] }],
  dimensions: [
    { name: 'dim_customers', source: 'raw_customers', attributes: [{ name: 'first_name' }] },
    { name: 'dim_date', source: null, attributes: [] },
  ],
};

describe('model draft', () => {
  it('shouldProposeTheStarSchemasFactsAndDimensions', () => {
    // Given / When
    const draft = draftFromStarSchema(star);

    // Then
    expect(draft.facts).toEqual([{ name: 'fct_orders', grain: 'one row per order', source: 'raw_orders', dimensions: ['dim_customers', 'dim_date'], measures: ['amount'] }]);
    expect(draft.dimensions.map((d) => d.name)).toEqual(['dim_customers', 'dim_date']);
  });

  it('shouldDropARemovedDimensionFromItsFactsAndFollowARename', () => {
    // Given
    const draft = draftFromStarSchema(star);

    // When
    const renamed = editDraft(draft, { kind: 'rename', table: 'dimension', index: 0, name: 'dim_customer' });
    const removed = editDraft(renamed, { kind: 'remove', table: 'dimension', index: 1 });

    // Then
    expect(removed.dimensions.map((d) => d.name)).toEqual(['dim_customer']);
    expect(removed.facts[0].dimensions).toEqual(['dim_customer']);
  });

  it('shouldReadTheLastJsonBlockOfAnAnswerThatIsADraft', () => {
    // Given
    const answer = 'Two options.\n```json\n{"note": "not a draft"}\n```\nThe changed model:\n```json\n{"facts": [{"name": "fct_orders_weekly", "dimensions": ["dim_customers"]}], "dimensions": ["dim_customers"]}\n```';

    // When
    const draft = draftFromAnswer(answer);

    // Then
    expect(draft?.facts.map((f) => f.name)).toEqual(['fct_orders_weekly']);
    expect(draft?.facts[0].dimensions).toEqual(['dim_customers']);
    expect(draft?.dimensions).toEqual([{ name: 'dim_customers', source: null, attributes: [] }]);
    expect(draftFromAnswer('No model change.\n```sql\nSELECT 1\n```')).toBeNull();
    expect(draftFromAnswer('```json\n{"facts": [\n```')).toBeNull();
  });

  it('shouldNameEmptyAndRepeatedTableNames', () => {
    // Given
    const draft = readDraft({ facts: [{ name: 'fct_orders' }], dimensions: [{ name: 'FCT_orders' }, { name: 'dim_x' }] });

    // When
    const problems = draftProblems(editDraft(draft!, { kind: 'rename', table: 'dimension', index: 1, name: ' ' }));

    // Then
    expect(problems).toEqual(['Every table needs a name.', 'The name fct_orders is used twice; each table needs its own.']);
    expect(draftProblems({ facts: [], dimensions: [] })).toEqual(['The draft has no table; keep at least one fact or dimension.']);
    expect(readDraft([1, 2])).toBeNull();
    expect(readDraft({ tables: [] })).toBeNull();
  });
});
