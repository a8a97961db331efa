// LSP work-done progress while a folder is indexed: "parsed N/M Go files".
import type { Connection, WorkDoneProgressReporter } from 'vscode-languageserver';

export class IndexingProgress {
  private lastPercentage = -1;

  private constructor(private readonly reporter: WorkDoneProgressReporter | undefined) {}

  /** Starts a progress in the client when it supports work-done progress; a silent one otherwise. */
  static async begin(connection: Connection, supported: boolean, title: string): Promise<IndexingProgress> {
    if (!supported) return new IndexingProgress(undefined);
    try {
      const reporter = await connection.window.createWorkDoneProgress();
      reporter.begin(title, 0, 'listing files', false);
      return new IndexingProgress(reporter);
    } catch {
      return new IndexingProgress(undefined); // the client refused the token: index without progress
    }
  }

  /** Reports at most once per percent, and always the last file. */
  report = (done: number, total: number): void => {
    if (!this.reporter || total === 0) return;
    const percentage = Math.floor((done / total) * 100);
    if (percentage === this.lastPercentage && done !== total) return;
    this.lastPercentage = percentage;
    this.reporter.report(percentage, `parsed ${done}/${total} Go files`);
  };

  done(): void {
    this.reporter?.done();
  }
}
