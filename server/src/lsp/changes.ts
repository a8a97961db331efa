// Edits and file events arrive in bursts (a keystroke per didChange, a save
// touching several files). A change is applied as soon as the messages already
// received have been handled (setImmediate, no fixed delay); changes arriving
// while a folder is still applying earlier ones are coalesced per file and
// applied together when it is done.
import type { FileChange } from '../engine/engine';
import type { FolderState } from './folders';

/** A change to feed the engine, with the document version when the text comes from the editor. */
export interface PendingChange extends FileChange {
  version?: number;
}

export type ApplyChanges = (folder: FolderState, changes: PendingChange[]) => Promise<void>;

export class ChangeQueue {
  private readonly pending = new Map<FolderState, Map<string, PendingChange>>();
  /** Folders applying a batch: what arrives for them meanwhile waits for the next one. */
  private readonly applying = new Set<FolderState>();
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly apply: ApplyChanges) {}

  add(folder: FolderState, change: PendingChange): void {
    const byFile = this.pending.get(folder) ?? new Map<string, PendingChange>();
    byFile.set(change.file, change);
    this.pending.set(folder, byFile);
    if (!this.applying.has(folder)) this.schedule();
  }

  /** True while a change of the file waits to be applied. */
  hasPending(folder: FolderState, file: string): boolean {
    return this.pending.get(folder)?.has(file) ?? false;
  }

  /** Applies what is pending for every folder not busy applying; resolves when those folders have taken the changes in. */
  async flush(): Promise<void> {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const ready = [...this.pending.keys()].filter((folder) => !this.applying.has(folder));
    await Promise.all(ready.map((folder) => this.applyPending(folder)));
  }

  dropFolder(folder: FolderState): void {
    this.pending.delete(folder);
  }

  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending.clear();
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = undefined;
      void this.flush();
    });
  }

  private async applyPending(folder: FolderState): Promise<void> {
    const byFile = this.pending.get(folder);
    if (!byFile) return;
    this.pending.delete(folder);
    this.applying.add(folder);
    try {
      await this.apply(folder, [...byFile.values()]);
    } finally {
      this.applying.delete(folder);
      if (this.pending.has(folder)) this.schedule();
    }
  }
}
