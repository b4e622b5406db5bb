/**
 * Breaks a label into lines that fit the width a diagram's box gives it, at its spaces, as
 * clipToWidth estimates widths: "down since 20.00 s" in a 112 px box reads "down since" over
 * "20.00 s" instead of "down since 20.…", a number never apart from its unit. A word wider than a
 * line, or text past the last line, is clipped with an ellipsis (the box's tooltip has it whole).
 */
import { clipToWidth, textEms } from './clipToWidth';

export function wrapToWidth(text: string, maxPx: number, fontPx: number, maxLines = 2, bold = false): string[] {
  const fits = (s: string) => textEms(s, bold) * fontPx <= maxPx;
  const lines: string[] = [];
  let line = '';
  // A number keeps its unit on its line ("20.00 s", "2 min 5 s" breaks only between its parts).
  const words = text.split(' ').reduce<string[]>((all, w) => {
    if (/^(ms|s|min|h)$/.test(w) && all.length > 0) all[all.length - 1] += ` ${w}`;
    else all.push(w);
    return all;
  }, []);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined) || !line) {
      line = joined;
      continue;
    }
    lines.push(line);
    if (lines.length === maxLines)
      return [...lines.slice(0, -1), clipToWidth(`${line} ${words.slice(i).join(' ')}`, maxPx, fontPx, bold)];
    line = word;
  }
  lines.push(line);
  return lines.map((l) => clipToWidth(l, maxPx, fontPx, bold));
}
