import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { parseReferences } from './references';

/** The document page's URL that opens a mapping row and highlights it. */
export function rowUrl(documentId: string, row: string): string {
  return `/documents/${encodeURIComponent(documentId)}?row=${encodeURIComponent(row.replace(/^@mapping\[(.*)\]$/, '$1'))}`;
}

/** Text with its @mapping[Sheet:row] references as links that open the row in the document's grid. */
export function ReferenceText({ text, documentId }: { text: string; documentId: string | null }) {
  const refs = parseReferences(text).filter((r) => r.kind === 'mapping' && !r.problem);
  if (refs.length === 0 || !documentId) {
    return <>{text}</>;
  }
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of refs) {
    parts.push(text.slice(at, r.start));
    parts.push(
      <Link key={r.start} to={rowUrl(documentId, r.value)} className="mono ref-link">
        {text.slice(r.start, r.end)}
      </Link>,
    );
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
