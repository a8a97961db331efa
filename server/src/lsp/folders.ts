// One engine per workspace folder (multi-root), and which folder a URI belongs to.
import * as path from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { SettingsInput } from '../../../common/schemas/settings';
import type { Engine, EngineResult } from '../engine/engine';
import { childUri, relativeTo, uriToPath } from './uris';

export class FolderState {
  engine: Engine | undefined;
  /** The last analysis, which the published diagnostics, the tree and code actions read. */
  result: EngineResult | undefined;
  /** Why indexing failed, when it did. */
  error: string | undefined;
  indexing = false;
  disposed = false;
  /** Editor settings in force (validated), compared to decide whether a configuration change matters. */
  overrides: SettingsInput = {};
  /** Open documents' versions the engine's facts were computed from; files read from disk are absent. */
  readonly analysedVersions = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly root: string,
  ) {}

  /** Runs `task` after every task queued before it: the engine is never used by two tasks at once. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  relOf(uri: string): string | undefined {
    const absolute = uriToPath(uri);
    return absolute === undefined ? undefined : relativeTo(this.root, absolute);
  }

  uriOf(rel: string): string {
    return childUri(this.uri, rel);
  }
}

export interface FileInFolder {
  folder: FolderState;
  rel: string;
}

export class Folders {
  private readonly byUri = new Map<string, FolderState>();

  /** Adds a `file:` folder; undefined for other schemes or one already known. */
  add(folder: WorkspaceFolder): FolderState | undefined {
    const root = uriToPath(folder.uri);
    if (root === undefined || this.byUri.has(folder.uri)) return undefined;
    const state = new FolderState(folder.uri, folder.name, path.resolve(root));
    this.byUri.set(folder.uri, state);
    return state;
  }

  remove(uri: string): FolderState | undefined {
    const state = this.byUri.get(uri);
    this.byUri.delete(uri);
    return state;
  }

  get(uri: string): FolderState | undefined {
    return this.byUri.get(uri);
  }

  all(): FolderState[] {
    return [...this.byUri.values()];
  }

  /** The deepest folder holding the file, with the file's path in it. */
  locate(uri: string): FileInFolder | undefined {
    let best: FileInFolder | undefined;
    for (const folder of this.byUri.values()) {
      const rel = folder.relOf(uri);
      if (rel === undefined || rel === '') continue;
      if (!best || folder.root.length > best.folder.root.length) best = { folder, rel };
    }
    return best;
  }
}
