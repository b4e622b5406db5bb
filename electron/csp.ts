/**
 * Content Security Policies for the app's pages and workers (defined once in webPolicy.mjs,
 * shared with the web build's server).
 */
export { PAGE_CSP, SANDBOX_WORKER_CSP, cspFor } from './webPolicy.mjs';
