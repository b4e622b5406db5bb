/**
 * The NameNode's namespace: a tree of directories and files. Files own their blocks; block
 * placement and replicas are the BlockManager's business.
 */
import type { ContentGenerator } from './contentGenerator';
import { HdfsError, baseName, parentOf } from './hdfsPath';
import type { FileStatus } from './hdfsTypes';

/** A block as the NameNode holds it. `data` is shared by all replicas; null when generated. */
export interface HBlock {
  readonly id: number;
  readonly file: FileNode;
  readonly index: number;
  readonly offset: number;
  length: number;
  data: Uint8Array | null;
  /** Node indexes of the replicas the NameNode knows about, in placement order. */
  replicas: number[];
  deleted: boolean;
  replicating: boolean;
}

export interface FileNode {
  kind: 'file';
  path: string;
  length: number;
  replication: number;
  blockSize: number;
  blocks: HBlock[];
  generator: ContentGenerator | null;
  modifiedMs: number;
}

export interface DirNode {
  kind: 'dir';
  path: string;
  children: Map<string, INode>;
  modifiedMs: number;
}

export type INode = FileNode | DirNode;

export class Namespace {
  readonly root: DirNode = { kind: 'dir', path: '/', children: new Map(), modifiedMs: 0 };
  /**
   * The last path looked up and what it found: a job's tasks ask for their one input file over
   * and over (33,000 map reads of one file at 1 KB blocks), each time splitting its path anew.
   * Forgotten whenever the tree changes.
   */
  private lastPath: string | null = null;
  private lastNode: INode | undefined = undefined;

  lookup(path: string): INode | undefined {
    if (path === this.lastPath) return this.lastNode;
    const node = this.walkTo(path);
    this.lastPath = path;
    this.lastNode = node;
    return node;
  }

  private walkTo(path: string): INode | undefined {
    if (path === '/') return this.root;
    let node: INode = this.root;
    for (const part of path.slice(1).split('/')) {
      if (node.kind !== 'dir') return undefined;
      const next: INode | undefined = node.children.get(part);
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }

  /** The file at `path`, or an HdfsError naming it. */
  file(path: string): FileNode {
    const node = this.lookup(path);
    if (node === undefined) throw new HdfsError(path, 'no such file', 'NotFound');
    if (node.kind !== 'file') throw new HdfsError(path, 'is a directory, not a file', 'IsADirectory');
    return node;
  }

  /** Creates `path` and any missing parents; returns the directories created, outermost first. */
  mkdirs(path: string, now: number): DirNode[] {
    const created: DirNode[] = [];
    if (path === '/') return created;
    let dir = this.root;
    let sofar = '';
    for (const part of path.slice(1).split('/')) {
      sofar += `/${part}`;
      const next = dir.children.get(part);
      if (next === undefined) {
        const made: DirNode = { kind: 'dir', path: sofar, children: new Map(), modifiedMs: now };
        this.lastPath = null;
        dir.children.set(part, made);
        dir.modifiedMs = now;
        created.push(made);
        dir = made;
      } else if (next.kind === 'file') {
        throw new HdfsError(sofar, `is a file, so ${path} cannot be created under it`, 'NotADirectory');
      } else {
        dir = next;
      }
    }
    return created;
  }

  /** Links a new file under its (existing) parent directory. */
  link(file: FileNode, now: number): void {
    const parent = this.lookup(parentOf(file.path));
    if (parent === undefined || parent.kind !== 'dir')
      throw new HdfsError(parentOf(file.path), 'no such directory', 'NotFound');
    this.lastPath = null;
    parent.children.set(baseName(file.path), file);
    parent.modifiedMs = now;
  }

  /** Unlinks `path`; returns the files removed (all of them under a directory). */
  unlink(path: string, recursive: boolean, now: number): FileNode[] {
    if (path === '/') throw new HdfsError(path, 'the root directory cannot be deleted', 'InvalidArgument');
    const node = this.lookup(path);
    if (node === undefined) throw new HdfsError(path, 'no such file or directory', 'NotFound');
    if (node.kind === 'dir' && node.children.size > 0 && !recursive) {
      throw new HdfsError(path, 'directory is not empty (pass recursive: true)', 'NotEmpty');
    }
    const parent = this.lookup(parentOf(path)) as DirNode;
    this.lastPath = null;
    parent.children.delete(baseName(path));
    parent.modifiedMs = now;
    const files: FileNode[] = [];
    this.walk(node, (n) => {
      if (n.kind === 'file') files.push(n);
    });
    return files;
  }

  /** Visits `node` and everything under it, children in name order (deterministic). */
  walk(node: INode, visit: (n: INode) => void): void {
    visit(node);
    if (node.kind === 'dir') {
      for (const name of [...node.children.keys()].sort()) this.walk(node.children.get(name)!, visit);
    }
  }
}

/** The public status of a file or directory. */
export function statusOf(node: INode): FileStatus {
  if (node.kind === 'dir') {
    return {
      path: node.path,
      type: 'dir',
      length: 0,
      replication: 0,
      blockSize: 0,
      blocks: 0,
      generator: null,
      modifiedMs: node.modifiedMs,
    };
  }
  return {
    path: node.path,
    type: 'file',
    length: node.length,
    replication: node.replication,
    blockSize: node.blockSize,
    blocks: node.blocks.length,
    generator: node.generator?.name ?? null,
    modifiedMs: node.modifiedMs,
  };
}
