import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileComponent } from './sandbox/compile';
import type { QueryResult, VizParams } from './schema';

// The component the chart recommender writes (ai-hub-service), compiled as the sandbox compiles it.
const template = readFileSync(new URL('../../../../ai-hub-service/src/main/resources/viz/Viz.jsx', import.meta.url), 'utf8');

function render(chosen: VizParams, data: QueryResult, params: VizParams = {}): string {
  const source = template.replace('/*CHOSEN*/{}', JSON.stringify(chosen));
  const Viz = compileComponent<{ data: QueryResult; params: VizParams }>(source, React);
  return renderToStaticMarkup(createElement(Viz, { data, params }));
}

const byStatus: QueryResult = {
  columns: [
    { name: 'status', type: 'VARCHAR' },
    { name: 'orders', type: 'BIGINT' },
  ],
  rows: [
    ['placed', 13],
    ['shipped', 20],
    ['returned', 4],
  ],
};

describe('the recommender component', () => {
  it('shouldDrawOneBarPerRow', () => {
    // Given / When
    const html = render({ chart_type: 'bar', x: 'status', y: ['orders'], title: 'Orders by Status' }, byStatus);
    // Then
    expect(html).toContain('data-chart="bar"');
    expect(html.match(/data-bar/g)).toHaveLength(3);
    expect(html).toContain('Orders by Status');
  });

  it('shouldFollowParamsOverItsDefaults', () => {
    // Given
    const chosen: VizParams = { chart_type: 'bar', x: 'status', y: ['orders'] };
    // When
    const line = render(chosen, byStatus, { chart_type: 'line' });
    const top2 = render(chosen, byStatus, { sort: 'desc', limit: 2 });
    const table = render(chosen, byStatus, { chart_type: 'table' });
    // Then
    expect(line).toContain('data-line');
    expect(line).not.toContain('data-bar');
    expect(top2.match(/data-bar/g)).toHaveLength(2);
    expect(top2).toContain('2 of 3 rows');
    expect(table).toContain('<td');
    expect(table).toContain('returned');
  });

  it('shouldDrawAreaScatterAndKpi', () => {
    // Given
    const daily: QueryResult = {
      columns: [
        { name: 'order_date', type: 'DATE' },
        { name: 'revenue', type: 'DOUBLE' },
      ],
      rows: [
        ['2018-01-02', 5],
        ['2018-01-01', 3],
      ],
    };
    const total: QueryResult = { columns: [{ name: 'total', type: 'BIGINT' }], rows: [[1672]] };
    // When
    const area = render({ chart_type: 'area', x: 'order_date', y: ['revenue'] }, daily);
    const scatter = render({ chart_type: 'scatter', x: 'revenue', y: ['revenue'] }, daily);
    const kpi = render({ chart_type: 'kpi', y: ['total'] }, total);
    // Then
    expect(area).toContain('data-area');
    expect(scatter.match(/data-point/g)).toHaveLength(2);
    expect(kpi).toContain('1672');
  });

  it('shouldRefuseAComponentWithoutDefaultExportOrWithForeignImports', () => {
    // Given / When / Then
    expect(() => compileComponent('function Viz() { return null; }', React)).toThrow(/default export/);
    expect(() => compileComponent("import x from 'd3'; export default function Viz() { return x(); }", React)).toThrow(/only 'react'/);
  });
});
