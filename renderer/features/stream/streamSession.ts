/**
 * The Streaming tab's choices and last run for this session, kept outside the tab so that
 * leaving it (to the Jobs or SQL tab) and coming back finds them as they were. In memory only:
 * the program itself is saved with the progress (streamCode), a run can be made again from it.
 */
import { create } from 'zustand';
import type { StreamRunResult } from '../../bridge/engineProtocol';

export interface StreamSession {
  partitions: number;
  consumers: number;
  records: number;
  /** The last run's answer (null: none yet this session). */
  result: StreamRunResult | null;
  /** A run was stopped by leaving the tab: said when the tab is back. */
  interrupted: boolean;
  set(patch: Partial<Omit<StreamSession, 'set'>>): void;
}

export const useStreamSession = create<StreamSession>((set) => ({
  partitions: 3,
  consumers: 2,
  records: 200,
  result: null,
  interrupted: false,
  set: (patch) => set(patch),
}));
