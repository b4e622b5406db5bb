/**
 * The runner the labs' tests judge learners' code with: in-process (`new Function`, fast and
 * deterministic), setImmediate for KafkaJS programs, and DuckDB's Node build (the one the CLI's
 * sandbox opens, cli/duckDbNode.ts) for spark.sql, so a step solved in SQL is judged as in the app.
 * Tests only: labs/ itself imports nothing but the engine.
 */
import { createFunctionRunner } from '../../engine/sandbox';
import { loadDuckDbModule } from '../../cli/duckDbNode';

export function labTestRunner() {
  return createFunctionRunner({ macrotask: setImmediate, sqlEngine: loadDuckDbModule() });
}
