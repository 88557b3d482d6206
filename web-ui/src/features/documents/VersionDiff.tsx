import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { diffVersions, type SpecDiff, type VersionView } from '../../api/documents';
import { useReportError } from '../../shell/toasts';

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '–';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x ? [x.table, x.column].filter(Boolean).join('.') : String(x))).join(', ') || '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};
const rowOf = (ref: string) => /^@mapping\[(.*)\]$/.exec(ref)?.[1] ?? ref;

interface Props {
  documentId: string;
  versions: VersionView[];
  /** a pair to show at once (e.g. right after an edit was saved) */
  initial?: { from: number; to: number } | null;
}

/** Two spec versions side by side: rows added, removed and changed, field by field. */
export function VersionDiff({ documentId, versions, initial }: Props) {
  const numbers = versions.map((v) => v.version);
  const latest = numbers.length ? Math.max(...numbers) : 1;
  const [from, setFrom] = useState(initial?.from ?? Math.max(1, latest - 1));
  const [to, setTo] = useState(initial?.to ?? latest);
  const [diff, setDiff] = useState<SpecDiff | null>(null);
  const report = useReportError();

  const compare = (a: number, b: number) => diffVersions(documentId, a, b).then(setDiff, (err) => report(err, 'Comparing the versions failed'));

  useEffect(() => {
    if (initial) {
      setFrom(initial.from);
      setTo(initial.to);
      void compare(initial.from, initial.to);
    }
    // compare is recreated each render; the pair is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial?.from, initial?.to, documentId]);

  if (numbers.length < 2) {
    return <p className="muted">One version so far: edit rows or parse again to compare.</p>;
  }
  return (
    <div className="version-diff">
      <form
        className="row wrap"
        onSubmit={(e) => {
          e.preventDefault();
          void compare(from, to);
        }}
      >
        <label>
          From{' '}
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                v{n}
              </option>
            ))}
          </select>
        </label>
        <label>
          to{' '}
          <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                v{n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          Compare
        </button>
      </form>
      {diff && (
        <div data-testid="version-diff" aria-live="polite">
          <p>
            v{diff.from} → v{diff.to}: <strong>{diff.changed.length}</strong> changed, <strong>{diff.added.length}</strong> added,{' '}
            <strong>{diff.removed.length}</strong> removed
          </p>
          {diff.changed.map((c) => (
            <table key={c.ref} className="compact diff-table" data-ref={c.ref}>
              <caption>
                <Link to={`/documents/${encodeURIComponent(documentId)}?row=${encodeURIComponent(rowOf(c.ref))}`} className="mono">
                  {c.ref}
                </Link>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">v{diff.from}</th>
                  <th scope="col">v{diff.to}</th>
                </tr>
              </thead>
              <tbody>
                {c.fields.map((f) => (
                  <tr key={f.field} data-field={f.field}>
                    <td className="mono">{f.field}</td>
                    <td className="before">{show(f.from)}</td>
                    <td className="after">{show(f.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          {diff.added.length + diff.removed.length > 0 && (
            <ul className="plain">
              {diff.added.map((r) => (
                <li key={`+${r.ref}`} className="added">
                  + <span className="mono">{r.ref}</span> {r.targetTable}.{r.targetColumn}
                </li>
              ))}
              {diff.removed.map((r) => (
                <li key={`-${r.ref}`} className="removed">
                  − <span className="mono">{r.ref}</span> {r.targetTable}.{r.targetColumn}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
