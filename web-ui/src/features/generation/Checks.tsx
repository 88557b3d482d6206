import { Link } from 'react-router';
import { checkLinks } from '../../layer/locate';
import { checkProgress } from '../../layer/eta';
import { rowUrl } from '../../refs/ReferenceText';
import type { GenerationState } from '../../stream/generationReducer';

export interface RevealRequest {
  blockKey: string;
  /** 1-based line inside the block */
  line: number | null;
  /** a new request each click, so the same line can be revealed twice */
  nonce: number;
}

interface Props {
  state: GenerationState;
  dialect: string;
  documentId: string | null;
  onReveal: (request: RevealRequest) => void;
}

/**
 * The checks of the latest validation round: each failure with the blocks and lines it concerns (a click shows
 * the line in the editor) and the mapping rows behind it (a click opens the row in the document).
 */
export function Checks({ state, dialect, documentId, onReveal }: Props) {
  const progress = checkProgress(state.validations);
  if (progress.done === 0) {
    return null;
  }
  const round = state.validations.reduce((m, v) => Math.max(m, v.checkpoint ?? 0), 0);
  const latest = state.validations.filter((v) => (v.checkpoint ?? 0) === round);
  const failures = latest.filter((v) => v.status === 'fail' || v.status === 'error');
  const passed = latest.filter((v) => v.status === 'pass').length;
  const blocks = Object.values(state.blocks);
  return (
    <section aria-labelledby="checks-title" className="checks">
      <h3 id="checks-title">
        Checks: {passed} passed, {failures.length} failed{progress.total ? ` of ${progress.total}` : ''}
      </h3>
      {failures.length > 0 && (
        <ul className="plain check-list" data-testid="failed-checks">
          {failures.map((v, i) => {
            const links = checkLinks(v, blocks, dialect);
            return (
              <li key={`${v.check}-${v.target}-${v.column}-${v.index ?? i}`} className={v.status}>
                <strong>{v.check}</strong> {v.target ? <span className="mono">{v.target}{v.column ? `.${v.column}` : ''}</span> : null}: {v.message ?? v.status}{' '}
                {links.map((l) => (
                  <button
                    type="button"
                    key={l.blockKey}
                    className="link small"
                    data-block={l.blockKey}
                    data-line={l.line ?? ''}
                    onClick={() => onReveal({ blockKey: l.blockKey, line: l.line, nonce: Date.now() })}
                  >
                    {l.blockName}
                    {l.line ? `, line ${l.line}` : ''}
                  </button>
                ))}
                {documentId &&
                  (v.mapping_refs ?? []).map((ref) => (
                    <Link key={ref} to={rowUrl(documentId, ref)} className="mono ref-link">
                      {ref}
                    </Link>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
