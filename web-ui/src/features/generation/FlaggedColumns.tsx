import { Link } from 'react-router';
import type { Lineage } from '../../api/generations';

/** The columns of the lineage the compiler did not compile, with their target. */
export function flaggedColumns(lineage: Lineage | null) {
  return (lineage?.targets ?? []).flatMap((t) =>
    t.columns.filter((c) => c.status !== 'ok' && c.status !== 'compiled' && c.reason).map((c) => ({ target: t.target, ...c })),
  );
}

/** Columns the compiler could not translate with confidence: the reason and the mapping row to fix. */
export function FlaggedColumns({ lineage, documentId }: { lineage: Lineage | null; documentId: string | null }) {
  if (!lineage) {
    return null;
  }
  const flagged = flaggedColumns(lineage);
  return (
    <section aria-labelledby="flagged-title" className="flagged">
      <h3 id="flagged-title">Columns needing attention ({flagged.length})</h3>
      {flagged.length === 0 ? (
        <p className="muted">None: every column was compiled from its rule.</p>
      ) : (
        <ul className="plain" data-testid="flagged-columns">
          {flagged.map((c) => {
            const row = /^@mapping\[(.*)\]$/.exec(c.mappingRef ?? '')?.[1];
            return (
              <li key={`${c.target}.${c.column}`}>
                <strong className="mono">
                  {c.target}.{c.column}
                </strong>{' '}
                {c.reason}{' '}
                {row && documentId ? (
                  <Link to={`/documents/${encodeURIComponent(documentId)}?row=${encodeURIComponent(row)}`} className="mono">
                    {c.mappingRef}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
