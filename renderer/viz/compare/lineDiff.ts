/**
 * What changed between two versions of a job's code, line by line (a longest common
 * subsequence of lines): the compare view shows it so the learner sees the one change they
 * made. Pure. Long files are compared after their common head and tail are set aside; if what
 * remains is still too large to compare (over MAX_CELLS line pairs), the middle is reported as
 * one replaced block.
 */
export type DiffLine = {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line in A (same, removed) or B (added). */ line: number;
};

export const MAX_CELLS = 4_000_000;

export function lineDiff(a: string, b: string): DiffLine[] {
  const la = a.split(/\r?\n/);
  const lb = b.split(/\r?\n/);
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail])
    tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: la[i]!, line: i + 1 });
  const ma = la.slice(head, la.length - tail);
  const mb = lb.slice(head, lb.length - tail);
  if (ma.length * mb.length > MAX_CELLS) {
    ma.forEach((text, i) => out.push({ kind: 'removed', text, line: head + i + 1 }));
    mb.forEach((text, i) => out.push({ kind: 'added', text, line: head + i + 1 }));
  } else out.push(...middle(ma, mb, head));
  for (let i = la.length - tail; i < la.length; i++) out.push({ kind: 'same', text: la[i]!, line: i + 1 });
  return out;
}

function middle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  // lcs[i * (m + 1) + j]: longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]!, line: offset + i + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      out.push({ kind: 'removed', text: a[i]!, line: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j]!, line: offset + j + 1 });
      j++;
    }
  }
  return out;
}

/** The changed lines with `context` unchanged lines around each change; a gap of skipped lines is null. */
export function changedHunks(diff: readonly DiffLine[], context = 2): (DiffLine | null)[] {
  const keep = new Array<boolean>(diff.length).fill(false);
  diff.forEach((d, i) => {
    if (d.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) keep[k] = true;
  });
  const out: (DiffLine | null)[] = [];
  diff.forEach((d, i) => {
    if (keep[i]) out.push(d);
    else if (out.length > 0 && out[out.length - 1] !== null) out.push(null);
  });
  if (out[out.length - 1] === null) out.pop();
  return out;
}
