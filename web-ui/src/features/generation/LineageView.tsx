import { useState } from 'react';
import { Link } from 'react-router';
import type { MappingRow } from '../../api/documents';
import type { Lineage } from '../../api/generations';
import { columnJoins } from '../../layer/lineage';

interface Props {
  lineage: Lineage | null;
  documentId: string | null;
  /** the rows of the spec version the generation compiled: each column's rule */
  rows: MappingRow[];
  /** the joins block of a target in the dialect shown */
  joinsOf: (target: string) => string | undefined;
}

/**
 * Every target column with the source columns it is computed from, the rule of its mapping row, the joins it
 * depends on and the mapping row (a link that opens it); under the table the target's FROM and joins.
 */
export function LineageView({ lineage, documentId, rows, joinsOf }: Props) {
  const [target, setTarget] = useState<string>('');
  if (!lineage || lineage.targets.length === 0) {
    return null;
  }
  const shown = lineage.targets.find((t) => t.target === target) ?? lineage.targets[0];
  const ruleOf = new Map(rows.map((r) => [r.ref, r.transformation ?? '']));
  const joins = joinsOf(shown.target);
  return (
    <details className="lineage">
      <summary>Lineage</summary>
      <label>
        Target{' '}
        <select value={shown.target} onChange={(e) => setTarget(e.target.value)}>
          {lineage.targets.map((t) => (
            <option key={t.target} value={t.target}>
              {t.target}
            </option>
          ))}
        </select>
      </label>
      <table className="compact" aria-label={`Lineage of ${shown.target}`}>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">From</th>
            <th scope="col">Rule</th>
            <th scope="col">Joins</th>
            <th scope="col">Mapping row</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {shown.columns.map((c) => {
            const row = /^@mapping\[(.*)\]$/.exec(c.mappingRef ?? '')?.[1];
            return (
              <tr key={c.column}>
                <td className="mono">{c.column}</td>
                <td className="mono">{c.type ?? ''}</td>
                <td className="mono">{c.sources.join(', ') || '–'}</td>
                <td data-field="rule">{(c.mappingRef && ruleOf.get(c.mappingRef)) || '–'}</td>
                <td className="mono" data-field="joins">
                  {columnJoins(joins, c.mappingRef).map((j) => (
                    <div key={j}>{j}</div>
                  ))}
                </td>
                <td>
                  {row && documentId ? (
                    <Link to={`/documents/${encodeURIComponent(documentId)}?row=${encodeURIComponent(row)}`} className="mono">
                      {c.mappingRef}
                    </Link>
                  ) : (
                    c.mappingRef ?? ''
                  )}
                </td>
                <td>
                  <span className={`badge ${c.status === 'compiled' ? 'completed' : 'needs_attention'}`} title={c.reason ?? undefined}>
                    {c.status}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {joins ? (
        <figure className="lineage-joins">
          <figcaption>FROM and joins of {shown.target}</figcaption>
          <pre className="sql" data-testid="lineage-joins">{joins}</pre>
        </figure>
      ) : null}
    </details>
  );
}
