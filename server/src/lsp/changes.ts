// Edits and file events arrive in bursts (a keystroke per didChange, a save
// touching several files): they are coalesced per folder and file, and applied
// together a moment later.
import type { FileChange } from '../engine/engine';
import type { FolderState } from './folders';

/** A change to feed the engine, with the document version when the text comes from the editor. */
export interface PendingChange extends FileChange {
  version?: number;
}

export type ApplyChanges = (folder: FolderState, changes: PendingChange[]) => Promise<void>;

export const COALESCE_MS = 30;

export class ChangeQueue {
  private readonly pending = new Map<FolderState, Map<string, PendingChange>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly apply: ApplyChanges,
    private readonly delayMs = COALESCE_MS,
  ) {}

  add(folder: FolderState, change: PendingChange): void {
    const byFile = this.pending.get(folder) ?? new Map<string, PendingChange>();
    byFile.set(change.file, change);
    this.pending.set(folder, byFile);
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** True while a change of the file waits to be applied. */
  hasPending(folder: FolderState, file: string): boolean {
    return this.pending.get(folder)?.has(file) ?? false;
  }

  /** Applies everything pending now; resolves when the folders have taken the changes in. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    await Promise.all(batches.map(([folder, byFile]) => this.apply(folder, [...byFile.values()])));
  }

  dropFolder(folder: FolderState): void {
    this.pending.delete(folder);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
