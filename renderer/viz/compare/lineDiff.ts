/**
 * What changed between two versions of a job's code, line by line: the shortest edit script of
 * Myers' O(ND) algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986), so a
 * 5,000-line file with two changed lines costs a few thousand steps. Pure. When the versions
 * differ in more than MAX_EDITS lines, the part between their common head and tail is reported
 * as one replaced block (and said so by `aligned: false`).
 */
export type DiffLine = {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line in A (same, removed) or B (added). */
  line: number;
};

export const MAX_EDITS = 1000;

export interface Diff {
  lines: DiffLine[];
  /** false: too many differences to align; the middle is one replaced block. */
  aligned: boolean;
}

export function lineDiff(a: string, b: string): Diff {
  const la = a.split(/\r?\n/);
  const lb = b.split(/\r?\n/);
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail])
    tail++;
  const lines: DiffLine[] = [];
  for (let i = 0; i < head; i++) lines.push({ kind: 'same', text: la[i]!, line: i + 1 });
  const ma = la.slice(head, la.length - tail);
  const mb = lb.slice(head, lb.length - tail);
  const middle = myers(ma, mb, head);
  if (middle) lines.push(...middle);
  else {
    ma.forEach((text, i) => lines.push({ kind: 'removed', text, line: head + i + 1 }));
    mb.forEach((text, i) => lines.push({ kind: 'added', text, line: head + i + 1 }));
  }
  for (let i = la.length - tail; i < la.length; i++) lines.push({ kind: 'same', text: la[i]!, line: i + 1 });
  return { lines, aligned: middle !== null };
}

/** Myers' greedy forward search, keeping each round's furthest reaches to walk back; null past MAX_EDITS. */
function myers(a: string[], b: string[], offset: number): DiffLine[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const size = 2 * max + 1;
  let v = new Int32Array(size + 2);
  const rounds: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    rounds.push(v.slice());
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!);
      let x = down ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[max + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return null;
  // Walk back from (n, m): each round's snapshot says where the path came from.
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = rounds[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[max + k - 1]! < prev[max + k + 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = prev[max + pk]!;
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      x--;
      y--;
      out.push({ kind: 'same', text: a[x]!, line: offset + x + 1 });
    }
    if (down) {
      y--;
      out.push({ kind: 'added', text: b[y]!, line: offset + y + 1 });
    } else {
      x--;
      out.push({ kind: 'removed', text: a[x]!, line: offset + x + 1 });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ kind: 'same', text: a[x]!, line: offset + x + 1 });
  }
  return out.reverse();
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
