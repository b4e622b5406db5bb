import type { DemoRun } from './engineProtocol';
export function runDemoScenario(_seed: number, _onProgress: (f: number) => void): DemoRun {
  return { durationMs: 1000, frames: [{ t: 0, picture: { nodes: [] } }], events: [], engineEvents: 0 };
}
