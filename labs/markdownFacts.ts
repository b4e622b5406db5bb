/**
 * What a translation must keep of the English Markdown, word for word: its fenced code blocks, its
 * inline code (identifiers, settings, config keys), the cookbook chapters it cites, the figures it
 * names (English "Figure 19.2", German "Abbildung 19.2"), the addresses of its links and images,
 * and the numbers its prose states, each read as its locale writes them (English "1,406" and
 * "2.4", German "1.406" and "2,4"). `markdownFactsDiffer` says what the translation lost or added,
 * or null when it says the same things.
 */
import type { LabLocale } from './labTypes';

export interface MarkdownFacts {
  /** Fenced code blocks, verbatim, in order. */
  codeBlocks: string[];
  /** Inline code spans outside the blocks, each once, sorted. */
  code: string[];
  /** Chapters cited as "Cookbook 19.2.2" (each once, sorted). */
  chapters: string[];
  /** Figure numbers after Figure/Figures/Abbildung/Abbildungen, each once, sorted. */
  figures: string[];
  /** Link and image addresses, each once, sorted. */
  links: string[];
  /** Numbers in the prose (outside code, chapters, figures and links), as plain decimals, each once, sorted. */
  numbers: string[];
}

/** How a locale writes numbers: thousands grouped by `group`, decimals after `decimal`. */
const NUMBER: Record<'en' | LabLocale, RegExp> = {
  en: /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g,
  de: /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g,
};
const plainNumber = (written: string, locale: 'en' | LabLocale): string => {
  const [group, decimal] = locale === 'en' ? [',', '.'] : ['.', ','];
  return String(Number(written.split(group).join('').replace(decimal, '.')));
};

const INLINE = /`([^`\n]+)`/g;
/** "Cookbook 19.2.2", or a list: "Cookbook 20.1.3, 20.2.1". */
const CHAPTER = /Cookbook\s+(\d+(?:\.\d+)*(?:\s*,\s*\d+(?:\.\d+)+)*)/g;
/** A figure word, then numbers joined by commas, "and"/"und" or dashes: "Figures 20.4-20.6", "Abbildungen 19.1 und 19.2". */
const FIGURES = /\b(?:Figures?|Abbildung(?:en)?)\s+(\d+(?:\.\d+)?(?:\s*(?:,|-|–|and|und)\s*\d+(?:\.\d+)?)*)/g;
const LINK = /\]\(([^()[\]\s]+)(?:\s+"[^"\n]*")?\)/g;

const sortedSet = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * The fenced code blocks and the prose around them, line by line (linear in the text's length,
 * whatever it holds): a fence of three or more backticks or tildes runs to a line of at least as
 * many of the same character, or, as CommonMark has it, to the end of the text.
 */
function splitFences(markdown: string): { blocks: string[]; prose: string } {
  const lines = markdown.split('\n');
  const blocks: string[] = [];
  const prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]!);
    if (open === null) {
      prose.push(lines[i]!);
      continue;
    }
    const fence = open[1]!;
    const closes = (line: string) => {
      const t = line.trim();
      return t.length >= fence.length && [...t].every((c) => c === fence[0]);
    };
    let j = i + 1;
    while (j < lines.length && !closes(lines[j]!)) j++;
    blocks.push(
      lines
        .slice(i, j + 1)
        .join('\n')
        .trim(),
    );
    i = j;
  }
  return { blocks, prose: prose.join('\n') };
}

export function markdownFacts(markdown: string, locale: 'en' | LabLocale = 'en'): MarkdownFacts {
  const { blocks: codeBlocks, prose } = splitFences(markdown);
  const words = prose.replace(INLINE, ' ').replace(CHAPTER, ' ').replace(FIGURES, ' ').replace(LINK, ' ');
  return {
    codeBlocks,
    code: sortedSet([...prose.matchAll(INLINE)].map((m) => m[1]!)),
    chapters: sortedSet([...prose.matchAll(CHAPTER)].flatMap((m) => m[1]!.split(/\s*,\s*/))),
    figures: sortedSet([...prose.matchAll(FIGURES)].flatMap((m) => m[1]!.match(/\d+(?:\.\d+)?/g) ?? [])),
    links: sortedSet([...prose.matchAll(LINK)].map((m) => m[1]!)),
    numbers: sortedSet([...words.matchAll(NUMBER[locale])].map((m) => plainNumber(m[0], locale))),
  };
}

const WHAT: Record<keyof MarkdownFacts, string> = {
  codeBlocks: 'code block',
  code: 'inline code',
  chapters: 'cookbook chapter',
  figures: 'figure',
  links: 'link',
  numbers: 'number',
};

const quoteList = (values: string[]) => values.map((v) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}...` : v));

/** What `translation` (in `locale`) lost or added against the English `source`, in one sentence; null when nothing. */
export function markdownFactsDiffer(source: string, translation: string, locale: LabLocale): string | null {
  const en = markdownFacts(source, 'en');
  const other = markdownFacts(translation, locale);
  const problems: string[] = [];
  for (const key of Object.keys(WHAT) as (keyof MarkdownFacts)[]) {
    const [enSet, otherSet] = [new Set(en[key]), new Set(other[key])];
    const missing = en[key].filter((v) => !otherSet.has(v));
    const added = other[key].filter((v) => !enSet.has(v));
    if (missing.length > 0) problems.push(`lacks the English's ${WHAT[key]} ${quoteList(missing).join(', ')}`);
    if (added.length > 0) problems.push(`has ${WHAT[key]} ${quoteList(added).join(', ')} the English has not`);
    if (
      key === 'codeBlocks' &&
      missing.length === 0 &&
      added.length === 0 &&
      en.codeBlocks.join() !== other.codeBlocks.join()
    )
      problems.push('has the code blocks in another order or number than the English');
  }
  return problems.length === 0 ? null : problems.join('; ');
}
