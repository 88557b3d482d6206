export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  left: string | null;
  right: string | null;
}

/** A line diff (longest common subsequence) laid out side by side: removed lines left, added lines right. */
export function sideBySide(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', left: a[i], right: b[j] });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ kind: 'added', left: null, right: b[j] });
      j++;
    } else {
      out.push({ kind: 'removed', left: a[i], right: null });
      i++;
    }
  }
  return out;
}
