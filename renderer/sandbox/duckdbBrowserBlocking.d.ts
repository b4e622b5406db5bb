// DuckDB-wasm's blocking browser build, aliased in vite.config.ts (the package does not export it):
// the part the sandbox worker uses (see dist/types/src/targets/duckdb-browser-blocking.d.ts there).
declare module 'duckdb-wasm-browser-blocking' {
  export const BROWSER_RUNTIME: object;
  export class VoidLogger {}
  interface Bundle {
    mainModule: string;
    mainWorker: string | null;
  }
  export function createDuckDB(
    bundles: { mvp: Bundle; eh?: Bundle },
    logger: VoidLogger,
    runtime: object,
  ): Promise<{ instantiate(): Promise<unknown>; connect(): unknown }>;
}
