import type { DocumentView } from '../../api/documents';

/**
 * Which canonical field a sheet column letter holds, from the document's `sheets` report when it
 * lists the columns the parser matched (`{name, columns: {field: index}}`); null when it does not.
 */
export function letterResolver(doc: Pick<DocumentView, 'sheets'>): (sheet: string, letter: string) => string | null {
  const table = new Map<string, string>();
  const sheets = Array.isArray(doc.sheets) ? (doc.sheets as Array<Record<string, unknown>>) : [];
  for (const s of sheets) {
    const name = typeof s.name === 'string' ? s.name : null;
    const columns = s.columns && typeof s.columns === 'object' ? (s.columns as Record<string, unknown>) : null;
    if (!name || !columns) continue;
    for (const [field, index] of Object.entries(columns)) {
      if (typeof index === 'number') {
        table.set(`${name}|${columnLetters(index)}`, field);
      }
    }
  }
  return (sheet, letter) => table.get(`${sheet}|${letter}`) ?? null;
}

/** 0 -> A, 25 -> Z, 26 -> AA */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
