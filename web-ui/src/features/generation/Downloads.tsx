import { followWithSession } from '../../api/sessionKeeper';
import { dictionaryUrl } from '../../api/documents';
import { artifactUrl, DIALECT_LABELS, DIALECTS } from '../../api/generations';
import type { GenerationState } from '../../stream/generationReducer';

const EXTENSION: Record<string, string> = { pyspark: '.py', dbt: '.zip' };

export function Downloads({ state, generationId, documentId }: { state: GenerationState; generationId: string; documentId: string | null }) {
  const available = DIALECTS.filter((d) => state.artifacts[d]);
  if (available.length === 0 && !documentId) {
    return null;
  }
  return (
    <section aria-labelledby="downloads-title" className="downloads">
      <h3 id="downloads-title">Downloads</h3>
      <ul className="plain row wrap">
        {available.map((d) => (
          <li key={d}>
            <a href={artifactUrl(generationId, d)} download data-dialect={d} onClick={followWithSession}>
              {DIALECT_LABELS[d]} ({EXTENSION[d] ?? '.sql'})
            </a>
          </li>
        ))}
        {documentId && (
          <li>
            <a href={dictionaryUrl(documentId, 'md')} download onClick={followWithSession}>
              Data dictionary (.md)
            </a>
          </li>
        )}
      </ul>
      {available.length === 0 && <p className="muted">The artifacts are written when the layer is complete.</p>}
    </section>
  );
}
