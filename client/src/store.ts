// The latest compliance model, fetched with `gocomply/tree` on demand and
// dropped whenever the server publishes a new analysis; the tree view and the
// explorer badges read it.
import * as vscode from 'vscode';
import { TreeRequest, type TreeResult } from '../../common/protocol';
import type { Ctx } from './ctx';
import { buildTreeModel, type ComplianceTreeModel } from './treeModel';

export interface ComplianceSnapshot {
  result: TreeResult;
  model: ComplianceTreeModel;
}

/** Analyses arrive as the user types; one tree fetch per pause is enough. */
const REFRESH_DELAY_MS = 300;

export class ComplianceStore implements vscode.Disposable {
  private snapshot: Promise<ComplianceSnapshot | undefined> | undefined;
  private fetchedGeneration: number | undefined;
  private pendingRefresh: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the cached model is dropped; readers call `get()` again. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.subscriptions = [
      this.changed,
      ctx.onDidChangeStatus((status) => {
        // A new analysis was published (ready, or a folder failed while the others may be fine).
        if (status.state !== 'indexing' && status.generation !== this.fetchedGeneration) this.scheduleInvalidate();
      }),
      ctx.onDidChangePhase(() => this.invalidate()),
    ];
  }

  /** The current snapshot, fetched once per analysis; undefined while the server is down. */
  get(): Promise<ComplianceSnapshot | undefined> {
    this.snapshot ??= this.fetch();
    return this.snapshot;
  }

  invalidate(): void {
    clearTimeout(this.pendingRefresh);
    this.snapshot = undefined;
    this.changed.fire();
  }

  private scheduleInvalidate(): void {
    clearTimeout(this.pendingRefresh);
    this.pendingRefresh = setTimeout(() => this.invalidate(), REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.pendingRefresh);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async fetch(): Promise<ComplianceSnapshot | undefined> {
    const client = this.ctx.runningClient;
    if (client === undefined) return undefined;
    try {
      const result = await client.sendRequest(TreeRequest, {});
      this.fetchedGeneration = result.generation;
      return { result, model: buildTreeModel(result) };
    } catch (error) {
      this.ctx.outputChannel.warn(`gocomply: the tree request failed: ${String(error)}`);
      return undefined;
    }
  }
}
