/**
 * An application as its ApplicationMaster sees it: ask for containers (with locality
 * preferences), launch them, complete or release them, finish. The ResourceManager calls back
 * when a container is allocated, has started, or was lost with its node.
 */
import type { AppRequests } from './appRequests';
import type { Container, ContainerAsk, ContainerEndStatus, ContainerRequest } from './container';
import type { SchedulableApp } from './schedulerPolicy';

export interface AppCallbacks {
  /** A container was allocated for `container.request` (its `tag` says which task). */
  onAllocated(container: Container): void;
  /** A launched container finished starting up (`containerStartMs` of the cost model later). */
  onLaunched?(container: Container): void;
  /** The container's node was lost (dead or unreachable past the expiry): its work is gone. */
  onContainerLost?(container: Container): void;
}

export interface SubmitOptions {
  name?: string;
  /** Queue name (default: the first queue). */
  queue?: string;
  callbacks: AppCallbacks;
}

export type AppState = 'running' | 'succeeded' | 'failed' | 'killed';

/** What the Application needs from the ResourceManager; keeps the two files apart. */
export interface AppHost {
  request(app: Application, ask: ContainerAsk): ContainerRequest;
  cancel(app: Application, request: ContainerRequest): boolean;
  launch(app: Application, container: Container): void;
  complete(app: Application, container: Container, status: ContainerEndStatus): boolean;
  release(app: Application, container: Container): boolean;
  finish(app: Application, status: Exclude<AppState, 'running'>): void;
}

export class Application implements SchedulableApp {
  state: AppState = 'running';
  usedMemoryMb = 0;
  usedVcores = 0;
  /** How many of its containers hold resources (allocated, launching, running). */
  liveContainers = 0;

  constructor(
    private readonly host: AppHost,
    readonly index: number,
    /** 'app1', 'app2', ... in submission order. */
    readonly id: string,
    readonly name: string,
    readonly queue: string,
    readonly queueIndex: number,
    readonly requests: AppRequests,
    readonly callbacks: AppCallbacks,
  ) {}

  /** Asks for one container; `onAllocated` is called when the scheduler places it. */
  request(ask: ContainerAsk = {}): ContainerRequest {
    return this.host.request(this, ask);
  }

  /** Withdraws a pending request; false if it was already allocated. */
  cancel(request: ContainerRequest): boolean {
    return this.host.cancel(this, request);
  }

  /** Starts the container's process; `onLaunched` follows after the start-up cost. */
  launch(container: Container): void {
    this.host.launch(this, container);
  }

  /** The container's work ended; its resources go back. False if it was already lost (its node died). */
  complete(container: Container, status: ContainerEndStatus = 'succeeded'): boolean {
    return this.host.complete(this, container, status);
  }

  /** Gives back an allocated container without using it. */
  release(container: Container): boolean {
    return this.host.release(this, container);
  }

  /** Unregisters: pending requests are cancelled and live containers released. */
  finish(status: Exclude<AppState, 'running'> = 'succeeded'): void {
    this.host.finish(this, status);
  }

  get pendingRequests(): number {
    return this.requests.pending;
  }
}
