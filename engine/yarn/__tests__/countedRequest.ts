/** Test helper: a container request whose `state` reads are counted (what a scan steps over). */
import type { ContainerRequest, RequestState } from '../container';

export function counted(r: ContainerRequest, reads: { n: number }): ContainerRequest {
  let state = r.state;
  Object.defineProperty(r, 'state', {
    get: () => {
      reads.n++;
      return state;
    },
    set: (v: RequestState) => {
      state = v;
    },
  });
  return r;
}
