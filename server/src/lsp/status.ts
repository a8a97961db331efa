// The `gocomply/status` notification: indexing while any folder indexes,
// error while one failed, ready otherwise; counts over every folder and a
// generation that increases with every published analysis.
import type { Connection } from 'vscode-languageserver';
import { StatusNotification, type ServerState, type StatusParams } from '../../../common/protocol';
import type { Folders } from './folders';

export class StatusReporter {
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
  ) {}

  get currentGeneration(): number {
    return this.generation;
  }

  /** Indexing started (or goes on): same generation, the message says what is being indexed. */
  indexing(message: string): void {
    this.send('indexing', message);
  }

  /** An analysis was published, or a folder failed: a new generation. */
  published(): void {
    this.generation += 1;
    const failed = this.folders.all().find((f) => f.error !== undefined);
    const indexing = this.folders.all().find((f) => f.indexing);
    if (indexing) this.send('indexing', `indexing ${indexing.name}`);
    else if (failed) this.send('error', `${failed.name}: ${failed.error ?? ''}`);
    else this.send('ready');
  }

  /** Something failed outside any folder's indexing (a handler): a new generation in the error state. */
  failed(message: string): void {
    this.generation += 1;
    this.send('error', message);
  }

  private send(state: ServerState, message?: string): void {
    const params: StatusParams = this.snapshot(state, message);
    void this.connection.sendNotification(StatusNotification, params);
  }

  private snapshot(state: ServerState, message: string | undefined): StatusParams {
    const folders = this.folders.all();
    let files = 0;
    let diagnostics = 0;
    const scores: number[] = [];
    for (const folder of folders) {
      if (folder.engine && folder.result) files += folder.engine.fileCount;
      diagnostics += folder.result?.diagnostics.length ?? 0;
      for (const p of folder.result?.analysis.packages ?? []) scores.push(p.model.score);
    }
    const score = scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    return {
      state,
      ...(message !== undefined ? { message } : {}),
      folders: folders.length,
      files,
      packages: scores.length,
      diagnostics,
      score,
      generation: this.generation,
    };
  }
}
