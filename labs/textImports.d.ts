/**
 * A lab's Markdown texts and job files are imported as text (`./intro.md?raw`): Vite does it in
 * the app and in vitest, and scripts/buildCli.mjs gives esbuild the same `?raw` suffix. This
 * declares those imports for the projects that compile labs (labs, cli, tests; the renderer's
 * vite/client types declare every `?raw`). `.d.ts?raw`: the job API's files
 * (renderer/features/editor/jobApiTypes.ts), for the editor's test.
 */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
declare module '*.js?raw' {
  const text: string;
  export default text;
}
declare module '*.json?raw' {
  const text: string;
  export default text;
}
declare module '*.d.ts?raw' {
  const text: string;
  export default text;
}
