/**
 * Web pages as a 2004 crawler stored them (Cookbook 20.1: a search engine counts the HTML tags of
 * stored pages): one page per line, `url TAB html`. Each site writes its pages in its own style,
 * as real sites of the time did: some with upper-case tag names (`<TABLE>`, `<FONT>`: HTML does
 * not care about case), some with XHTML's self-closing `<br/>`, most with a doctype and an
 * HTML comment or two (neither of which is a tag). Deterministic: the same seed, the same bytes.
 */
import { createRng, type Rng } from '../core/rng';

const SITES = [
  'acme-tools',
  'bikeshop',
  'city-news',
  'daily-recipes',
  'eurotravel',
  'fanclub',
  'garden-tips',
  'homepage-of-tom',
  'isp-support',
  'jobs-board',
  'kids-games',
  'linux-howto',
  'movie-reviews',
  'nightlife',
  'online-shop',
  'photo-gallery',
  'quiz-night',
  'radio-fm',
  'soccer-club',
  'tech-forum',
  'university',
  'village-council',
  'weather-now',
  'xmas-market',
  'yoga-studio',
  'zoo-friends',
];

const WORDS = (
  'the news today free download best price online welcome to our home page click here for more ' +
  'information about contact us links photos guestbook search results new update weekly offer ' +
  'forum members login register help faq products services company history team events calendar'
).split(' ');

/** How a site writes its tags. */
interface SiteStyle {
  upper: boolean;
  xhtml: boolean;
  tables: boolean;
}

function words(rng: Rng, min: number, max: number): string {
  const n = min + rng.int(max - min + 1);
  return Array.from({ length: n }, () => WORDS[rng.int(WORDS.length)]!).join(' ');
}

function page(rng: Rng, site: string, style: SiteStyle, pageCount: number, moreTags: boolean): string {
  const t = (name: string) => (style.upper ? name.toUpperCase() : name);
  const open = (name: string, attrs = '') => `<${t(name)}${attrs}>`;
  const close = (name: string) => `</${t(name)}>`;
  const el = (name: string, inner: string, attrs = '') => `${open(name, attrs)}${inner}${close(name)}`;
  const br = style.xhtml ? `<${t('br')}/>` : open('br');
  const link = () => {
    const other = SITES[rng.int(SITES.length)]!;
    return el('a', words(rng, 1, 3), ` href="http://www.${other}.com/page${rng.int(pageCount)}.html"`);
  };
  const blocks: string[] = [];
  const count = 3 + rng.int(6);
  for (let i = 0; i < count; i++) {
    switch (rng.int(7)) {
      case 0:
        blocks.push(el('h2', words(rng, 2, 5)));
        break;
      case 1:
        blocks.push(el('p', `${words(rng, 3, 9)} ${link()} ${words(rng, 1, 4)}`));
        break;
      case 2:
        blocks.push(
          style.tables
            ? el(
                'table',
                el('tr', el('td', words(rng, 1, 3)) + el('td', link())),
                ' width="100%" border="0" cellpadding="2"',
              )
            : el('div', `${words(rng, 2, 6)}${br}${link()}`, ' class="box"'),
        );
        break;
      case 3:
        blocks.push(
          el(
            'ul',
            Array.from({ length: 2 + rng.int(3) }, () => el('li', rng.int(2) ? link() : words(rng, 1, 3))).join(''),
          ),
        );
        break;
      case 4:
        blocks.push(el('font', `${el('b', words(rng, 1, 3))} ${words(rng, 2, 6)}`, ' face="Verdana" size="2"'));
        break;
      case 5:
        blocks.push(`${open('img', ` src="/img/pic${rng.int(90)}.gif" alt="${words(rng, 1, 2)}"`)}${br}`);
        break;
      default:
        blocks.push(`<!-- ${words(rng, 1, 3)} -->${el('p', el('i', words(rng, 2, 5)))}`);
    }
  }
  if (moreTags)
    blocks.push(
      el('center', `${el('span', words(rng, 1, 3))} ${el('strong', words(rng, 1, 2))}`) +
        el(
          'form',
          `${open('input', ' name="q"')}${el('select', el('option', words(rng, 1, 2)))}`,
          ' action="/search"',
        ) +
        el('em', words(rng, 1, 3)) +
        el('u', words(rng, 1, 2)) +
        el('var', 'x') +
        el('kbd', 'F5'),
    );
  const doctype = rng.int(4) ? '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">' : '';
  const head = el(
    'head',
    el('title', words(rng, 2, 4)) + open('meta', ` name="keywords" content="${site},${WORDS[rng.int(WORDS.length)]}"`),
  );
  const body = el('body', el('h1', words(rng, 2, 5)) + blocks.join(''), ' bgcolor="#FFFFFF"');
  return doctype + el('html', head + body);
}

/**
 * `pages` pages of 26 sites, one per line: `http://www.<site>.com/page<n>.html TAB <html>`. With
 * `moreTags`, every page also has a search form and a few more kinds of tag (center, span, strong,
 * form, input, select, option, em, u, var, kbd).
 */
export function crawledPages(pages: number, options: { seed?: number; moreTags?: boolean } = {}): string {
  const rng = createRng(options.seed ?? 2004);
  const styles = new Map<string, SiteStyle>();
  for (const site of SITES)
    styles.set(site, { upper: rng.int(3) === 0, xhtml: rng.int(4) === 0, tables: rng.int(2) === 0 });
  const out: string[] = new Array<string>(pages);
  for (let i = 0; i < pages; i++) {
    const site = SITES[rng.int(SITES.length)]!;
    out[i] =
      `http://www.${site}.com/page${i}.html\t${page(rng, site, styles.get(site)!, pages, options.moreTags ?? false)}`;
  }
  return `${out.join('\n')}\n`;
}
