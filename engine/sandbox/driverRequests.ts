/**
 * What a Spark driver in a sandbox worker asks its host for while it runs: files to read (the
 * host's catalog), and DuckDB's wasm module for spark.sql. The answer goes back to the worker
 * if it is still alive when it is ready.
 */
import type { DriverHost } from './contract/taskRunner';
import type { WorkerEndpoint } from './poolPlatform';
import type { SandboxReply } from './sandboxMessages';

export function serveHostRequest(
  endpoint: WorkerEndpoint,
  alive: () => boolean,
  host: DriverHost,
  reply: Extract<SandboxReply, { type: 'hostRequest' }>,
): void {
  const answer = (files: Awaited<ReturnType<DriverHost['readFiles']>> | null, error: string | null) => {
    if (alive()) endpoint.post({ type: 'hostReply', id: reply.id, requestId: reply.requestId, files, error });
  };
  host.readFiles(reply.path).then(
    (files) => answer(files, null),
    (error: unknown) => answer(null, error instanceof Error ? error.message : 'the file could not be read'),
  );
}

/** A Spark driver's spark.sql needs DuckDB's wasm module: the platform's (`load`), or why there is none. */
export function serveSqlModuleRequest(
  endpoint: WorkerEndpoint,
  alive: () => boolean,
  load: (() => Promise<unknown>) | undefined,
  reply: Extract<SandboxReply, { type: 'sqlModuleRequest' }>,
): void {
  const answer = (module: unknown, error: string | null) => {
    if (alive()) endpoint.post({ type: 'sqlModuleReply', id: reply.id, requestId: reply.requestId, module, error });
  };
  if (!load) return answer(null, 'spark.sql: this sandbox has no DuckDB');
  load().then(
    (module) => answer(module, null),
    (error: unknown) =>
      answer(
        null,
        `spark.sql: DuckDB could not be loaded (${error instanceof Error ? error.message : 'unknown error'})`,
      ),
  );
}
