/** The home page's live run for the engine worker: an engine scenario (engine/api/demoScenario.ts). */
export { runDemoScenario } from '../../engine/api';
