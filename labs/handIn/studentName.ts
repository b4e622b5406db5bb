/**
 * Students' names: what a hand-in accepts, and the one normal form that names compare and seeds
 * are made from, the same on every machine and OS.
 */
import { HAND_IN_LIMITS } from './handInFile';

/** C0 and C1 controls and DEL; line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** Bidirectional overrides, embeddings, isolates and marks: they make a name read as another. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/**
 * Other invisible format characters (a zero-width space, a soft hyphen, a byte-order mark): a name
 * holding one looks like another student's yet gets its own seed. Zero-width joiners and
 * non-joiners stay: Persian and Indic names need them.
 */
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/u;

/** What is wrong with a name, or null when it can be used. */
export function studentNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'must be a string (the student’s name)';
  if (name.length > HAND_IN_LIMITS.nameChars * 4)
    return `has ${name.length} characters, more than the limit of ${HAND_IN_LIMITS.nameChars}`;
  const control = CONTROL.exec(name);
  if (control)
    return `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${control.index + 1}`;
  const bidi = BIDI.exec(name);
  if (bidi)
    return `contains the text-direction control U+${bidi[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${bidi.index + 1}, which would make the name read as another`;
  const invisible = INVISIBLE.exec(name);
  if (invisible)
    return `contains the invisible character U+${invisible[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${invisible.index + 1}, which would make the name look like another`;
  const trimmed = name.normalize('NFC').trim();
  if (trimmed === '') return 'is empty';
  if ([...trimmed].length > HAND_IN_LIMITS.nameChars)
    return `has ${[...trimmed].length} characters, more than the limit of ${HAND_IN_LIMITS.nameChars}`;
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'must contain a letter or a digit';
  return null;
}

/**
 * The normal form of a name: Unicode NFC, trimmed, every run of white space made one space, then
 * case-folded (upper case, then lower case: "Straße" and "STRASSE" are one name, as are "Σ" and
 * "ς"; JavaScript's case mappings are locale-independent). "  ana   LIMA " is "ana lima".
 */
export function normalizeStudentName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/** The name as written in the file, tidied for display: NFC, trimmed, white space collapsed (case kept). */
export function displayStudentName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}
