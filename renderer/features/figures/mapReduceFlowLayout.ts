/**
 * Where Figure 20.1's parts go, sized to their words in the page's language: each column of boxes
 * is as wide as its widest label (estimated from the characters, erring wide), each heading fits
 * above its column inside the figure, and the line under the drawing wraps onto two lines when it
 * is wider than the figure.
 */
import { textEms } from '../../viz/pipeline/clipToWidth';

/** The figures' CSS font sizes (figures.css): a box's label, a small box's label, a second line, a note. */
const LABEL_PX = 13;
const SMALL_PX = 12;
const NOTE_PX = 11;
/** Room left and right of a box's text. */
const PAD = 12;
const LINE = 13;
/** Room for the shuffle's crossing arrows between the mappers and the reducers. */
const SHUFFLE_GAP = 48;

export interface FlowWords {
  input: string;
  map: string;
  shuffle: string;
  reduce: string;
  output: string;
  file: (n: number) => string;
  mapper: string;
  keyValue: string;
  reducer: string;
  perKey: string;
  part: string;
  note: string;
}

export interface FlowColumn {
  x: number;
  w: number;
}

export interface FlowLayout {
  width: number;
  height: number;
  input: FlowColumn;
  map: FlowColumn;
  reduce: FlowColumn;
  output: FlowColumn;
  /** The headings' centres: input, map, shuffle, reduce, output. */
  headings: readonly number[];
  /** The note under the drawing, one or two lines, each with its baseline. */
  note: readonly { text: string; y: number }[];
}

const px = (text: string, size: number, bold = false) => textEms(text, bold) * size;

/** `text` in two lines split at the space nearest its middle (by width), or one line with no space. */
function twoLines(text: string): string[] {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return [text];
  const half = px(text, NOTE_PX) / 2;
  const at = spaces.reduce((best, i) =>
    Math.abs(px(text.slice(0, i), NOTE_PX) - half) < Math.abs(px(text.slice(0, best), NOTE_PX) - half) ? i : best,
  );
  return [text.slice(0, at), text.slice(at + 1)];
}

export function mapReduceFlowLayout(words: FlowWords): FlowLayout {
  const headingW = [words.input, words.map, words.shuffle, words.reduce, words.output].map((h) => px(h, NOTE_PX));
  const inputW = Math.max(50, px(words.file(3), SMALL_PX, true) + PAD, headingW[0]! - 4);
  const mapW = Math.max(66, px(words.mapper, LABEL_PX, true) + PAD, px(words.keyValue, NOTE_PX) + PAD);
  const reduceW = Math.max(66, px(words.reducer, LABEL_PX, true) + PAD, px(words.perKey, NOTE_PX) + PAD);
  const outputW = Math.max(32, px(words.part, SMALL_PX, true) + PAD);
  // The first heading starts inside the figure.
  const input = { x: Math.max(1, headingW[0]! / 2 - inputW / 2 + 1), w: inputW };
  const map = { x: input.x + inputW + 15, w: mapW };
  const reduce = { x: map.x + mapW + SHUFFLE_GAP, w: reduceW };
  const output = { x: reduce.x + reduceW + 10, w: outputW };
  const centre = (c: FlowColumn) => c.x + c.w / 2;
  const headings = [centre(input), centre(map), map.x + mapW + SHUFFLE_GAP / 2, centre(reduce), centre(output)];
  const drawn = Math.ceil(Math.max(output.x + outputW + 2, headings[4]! + headingW[4]! / 2 + 2));
  const lines = px(words.note, NOTE_PX) <= drawn - 4 ? [words.note] : twoLines(words.note);
  const width = Math.ceil(Math.max(drawn, ...lines.map((l) => px(l, NOTE_PX) + 4)));
  const note = lines.map((text, i) => ({ text, y: 172 + i * LINE }));
  return { width, height: 176 + (lines.length - 1) * LINE, input, map, reduce, output, headings, note };
}
