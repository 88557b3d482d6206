import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('should read the analysis\'s headings, lists, fenced SQL and paragraphs', () => {
    // Given
    const text = [
      '## 1. Structural analysis',
      '',
      '3 tables, 11 columns.',
      '',
      '- **raw_orders**: header',
      '- raw_payments: fact',
      '1. first',
      '2. second',
      '```sql',
      'CREATE TABLE dim_customer (',
      '    customer_key BIGINT',
      ');',
      '```',
      '| table | rows |',
      '|---|---|',
      'Closing words',
      'over two lines.',
    ].join('\n');

    // When
    const blocks = parseMarkdown(text);

    // Then
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '1. Structural analysis' },
      { kind: 'paragraph', text: '3 tables, 11 columns.' },
      { kind: 'list', ordered: false, items: ['**raw_orders**: header', 'raw_payments: fact'] },
      { kind: 'list', ordered: true, items: ['first', 'second'] },
      { kind: 'code', language: 'sql', text: 'CREATE TABLE dim_customer (\n    customer_key BIGINT\n);' },
      { kind: 'table', text: '| table | rows |\n|---|---|' },
      { kind: 'paragraph', text: 'Closing words\nover two lines.' },
    ]);
  });

  it('should keep an unfinished fence of a streaming answer as code, and HTML as text', () => {
    // When
    const blocks = parseMarkdown('<img src=x onerror=alert(1)>\n```sql\nSELECT 1');

    // Then
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
      { kind: 'code', language: 'sql', text: 'SELECT 1' },
    ]);
  });
});

describe('parseInline', () => {
  it('should split bold and code from the text around them', () => {
    // When
    const parts = parseInline('**fact_payment** from `raw_payments`, one row per payment');

    // Then
    expect(parts).toEqual([
      { kind: 'strong', text: 'fact_payment' },
      { kind: 'text', text: ' from ' },
      { kind: 'code', text: 'raw_payments' },
      { kind: 'text', text: ', one row per payment' },
    ]);
  });
});
