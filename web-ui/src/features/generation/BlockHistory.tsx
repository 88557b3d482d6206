import { useEffect, useState } from 'react';
import { blockVersions, type BlockVersion } from '../../api/generations';
import { sideBySide } from '../../layer/diff';
import type { BlockView } from '../../stream/generationReducer';
import { useReportError } from '../../shell/toasts';
import { formatTime } from '../format';

/** Every version of one block, a side-by-side diff of two of them, and restore (a new version with old text). */
export function BlockHistory({
  generationId,
  block,
  dialect,
  onRestore,
}: {
  generationId: string;
  block: BlockView;
  dialect: string;
  onRestore: (sql: string, version: number) => void;
}) {
  const [versions, setVersions] = useState<BlockVersion[] | null>(null);
  const [compare, setCompare] = useState<number | null>(null);
  const report = useReportError();

  useEffect(() => {
    let live = true;
    blockVersions(generationId, block.target, block.name).then(
      (v) => live && setVersions([...v].sort((a, b) => b.version - a.version)),
      (err) => report(err, 'Loading the block history failed'),
    );
    return () => {
      live = false;
    };
  }, [generationId, block.target, block.name, block.version, report]);

  if (versions === null) {
    return <p className="muted">Loading the history…</p>;
  }
  const latest = versions[0];
  const other = versions.find((v) => v.version === compare) ?? null;
  const textOf = (v: BlockVersion) => v.sql[dialect] ?? Object.values(v.sql)[0] ?? '';
  return (
    <section className="history" aria-label={`History of ${block.target} ${block.name}`} data-testid="block-history">
      <h3>
        History of {block.target} · {block.name}
      </h3>
      <ol className="plain versions">
        {versions.map((v) => (
          <li key={v.version} data-version={v.version}>
            <strong>v{v.version}</strong> <span className={`badge ${v.status}`}>{v.status}</span>{' '}
            <span className="muted">
              {v.origin} · {v.createdBy ?? 'compiler'} · {formatTime(v.createdAt)}
            </span>{' '}
            {v.version !== latest.version && (
              <>
                <button type="button" className="link" onClick={() => setCompare(compare === v.version ? null : v.version)} aria-pressed={compare === v.version}>
                  {compare === v.version ? 'Hide diff' : `Diff with v${latest.version}`}
                </button>{' '}
                <button type="button" className="secondary small" onClick={() => onRestore(textOf(v), v.version)}>
                  Restore v{v.version}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {other && (
        <table className="diff" aria-label={`v${other.version} against v${latest.version}`}>
          <thead>
            <tr>
              <th scope="col">v{other.version}</th>
              <th scope="col">v{latest.version}</th>
            </tr>
          </thead>
          <tbody>
            {sideBySide(textOf(other), textOf(latest)).map((line, i) => (
              <tr key={i} className={line.kind}>
                <td>
                  <pre>{line.left ?? ''}</pre>
                </td>
                <td>
                  <pre>{line.right ?? ''}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
