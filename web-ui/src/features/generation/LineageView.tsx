import { useState } from 'react';
import { Link } from 'react-router';
import type { Lineage } from '../../api/generations';

/** Every target column with the source columns it is computed from and the mapping row that says how. */
export function LineageView({ lineage, documentId }: { lineage: Lineage | null; documentId: string | null }) {
  const [target, setTarget] = useState<string>('');
  if (!lineage || lineage.targets.length === 0) {
    return null;
  }
  const shown = lineage.targets.find((t) => t.target === target) ?? lineage.targets[0];
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
    </details>
  );
}
