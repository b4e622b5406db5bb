/**
 * Spark SQL's get_json_object(json, path): the value at a JSONPath (`$`, `.name`, `['name']`,
 * `[0]`) as text — a string as itself, anything else as its JSON — or null when the text is not
 * JSON, the path is malformed or nothing is there (Spark returns null, it does not fail).
 */

type Step = { key: string } | { index: number };

/** The path's steps, or null when Spark would not accept it. */
export function parseJsonPath(path: string): Step[] | null {
  if (!path.startsWith('$')) return null;
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === '.') {
      const m = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!m) return null;
      steps.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (path[i] === '[') {
      const rest = path.slice(i);
      const quoted = /^\['([^']*)'\]/.exec(rest);
      const index = /^\[(\d+)\]/.exec(rest);
      if (quoted) {
        steps.push({ key: quoted[1]! });
        i += quoted[0].length;
      } else if (index) {
        steps.push({ index: Number(index[1]) });
        i += index[0].length;
      } else return null;
    } else return null;
  }
  return steps;
}

export function getJsonObject(json: string, steps: readonly Step[]): string | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return null;
    if ('key' in step) {
      if (Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, step.key)) return null;
      value = (value as Record<string, unknown>)[step.key];
    } else {
      if (!Array.isArray(value) || step.index >= value.length) return null;
      value = value[step.index];
    }
  }
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
