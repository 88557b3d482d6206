/**
 * The 1-based line of a block's SQL that writes a column: its alias (`AS column`, `column =`, `"column"`), else
 * the first line naming it as a word; null when the block does not name it.
 */
export function lineOfColumn(sql: string | undefined, column: string | null | undefined): number | null {
  if (!sql || !column) return null;
  const name = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = sql.split('\n');
  const alias = new RegExp(`\\bAS\\s+["\`]?${name}["\`]?(?![\\w])`, 'i');
  const assigned = new RegExp(`^\\s*["\`]?${name}["\`]?\\s*=`, 'i');
  for (let i = 0; i < lines.length; i++) {
    if (alias.test(lines[i]) || assigned.test(lines[i])) return i + 1;
  }
  const word = new RegExp(`(^|[^\\w])${name}(?![\\w])`, 'i');
  for (let i = 0; i < lines.length; i++) {
    if (word.test(lines[i])) return i + 1;
  }
  return null;
}

export interface CheckLink {
  blockKey: string;
  blockName: string;
  /** 1-based line inside the block, null when the block does not name the column */
  line: number | null;
}

interface BlockLike {
  key: string;
  name: string;
  target: string;
  sql: Record<string, string>;
}

/**
 * Where a check points in the layer: each block it names (or, when it names none, every block of its target
 * that writes its column) with the line that writes the column, in the dialect shown (else any dialect).
 */
export function checkLinks(
  check: { target?: string | null; column?: string | null; blocks?: string[] | null },
  blocks: BlockLike[],
  dialect: string,
): CheckLink[] {
  const ofTarget = blocks.filter((b) => !check.target || b.target === check.target);
  const sqlOf = (b: BlockLike) => b.sql[dialect] ?? Object.values(b.sql)[0];
  const named = (check.blocks ?? []).map((n) => ofTarget.find((b) => b.name === n || b.key === n)).filter((b): b is BlockLike => !!b);
  const chosen = named.length > 0 ? named : ofTarget.filter((b) => lineOfColumn(sqlOf(b), check.column) !== null);
  return chosen.map((b) => ({ blockKey: b.key, blockName: b.name, line: lineOfColumn(sqlOf(b), check.column) }));
}
