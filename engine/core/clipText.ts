/**
 * A text as a message shows what someone gave: whole up to `max` characters, else its first `max`
 * and how many more there were, so that a mistake (a million-character value) does not fill the
 * screen and the message still says how long it was (errors crossing a worker, console lines, CLI messages).
 */
export function clipText(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
