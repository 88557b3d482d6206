/**
 * The joins a target column depends on: the lines of its target's joins block (FROM and JOIN clauses, each JOIN
 * followed by a comment naming the mapping rows it serves) that name the column's mapping row, without the comment.
 * A column read from the driving table alone depends on none.
 */
export function columnJoins(joinsSql: string | undefined, mappingRef: string | null | undefined): string[] {
  if (!joinsSql || !mappingRef) return [];
  return joinsSql
    .split('\n')
    .filter((line) => /^\s*(\w+\s+)*JOIN\b/i.test(line) && refsOf(line).includes(mappingRef))
    .map((line) => line.replace(/\s*--.*$/, '').trim());
}

function refsOf(line: string): string[] {
  const comment = line.indexOf('--');
  return comment < 0 ? [] : line.slice(comment).match(/@mapping\[[^\]]+\]/g) ?? [];
}
