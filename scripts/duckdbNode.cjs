/* global require, module */
// The desktop app's DuckDB for spark.sql: DuckDB-wasm's Node build and the apache-arrow it uses, in
// one module that scripts/buildElectron.mjs bundles to dist/electron/duckdb/duckdb-node.cjs (the app
// ships no node_modules); cli/duckDbNode.ts loads it from there. CommonJS, so that both take the
// same copy of Arrow (DuckDB checks the tables it is given against its own Arrow classes).
/* eslint-disable @typescript-eslint/no-require-imports */
module.exports = {
  ...require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'),
  arrow: require('apache-arrow'),
};
