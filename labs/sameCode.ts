/**
 * Whether a translated job file is the English one with only its comments translated: the same
 * JavaScript tokens in the same order (acorn's tokenizer skips comments and layout). Says where
 * the first difference is, or null when there is none.
 */
import { tokenizer } from 'acorn';

interface Tok {
  text: string;
  line: number;
}

function tokens(source: string): Tok[] | string {
  const out: Tok[] = [];
  try {
    for (const t of tokenizer(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true }))
      out.push({ text: `${t.type.label}:${source.slice(t.start, t.end)}`, line: t.loc!.start.line });
  } catch (error) {
    return (error as Error).message;
  }
  return out;
}

const shown = (t: Tok | undefined) => {
  if (t === undefined) return 'the end of the file';
  const text = t.text.slice(t.text.indexOf(':') + 1);
  return `\`${text.length > 40 ? `${text.slice(0, 40)}...` : text}\``;
};

/** Where `translated` differs from `english` as code, in a sentence; null when only comments and layout differ. */
export function codeDiffers(english: string, translated: string): string | null {
  const en = tokens(english);
  if (typeof en === 'string') return `cannot be compared: the English is not JavaScript the checker reads (${en})`;
  const other = tokens(translated);
  if (typeof other === 'string') return `is not valid JavaScript (${other}): translate only the comments`;
  for (let i = 0; i < Math.max(en.length, other.length); i++) {
    const [a, b] = [en[i], other[i]];
    if (a !== undefined && b !== undefined && a.text === b.text) continue;
    const line = b?.line ?? translated.split('\n').length;
    return `has ${shown(b)} at line ${line} where the English has ${shown(a)}: translate only the comments, keep the code as it is`;
  }
  return null;
}
