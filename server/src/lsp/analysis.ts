// Drives each folder's engine: index (with progress), apply changes, analyse,
// publish diagnostics and status. Every step runs in the folder's queue, and
// a failure becomes the folder's error in the status, never a crash.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SettingsInput } from '../../../common/schemas/settings';
import { CONFIG_FILE } from '../engine/config';
import type { Engine, EngineOptions } from '../engine/engine';
import { GoParser } from '../engine/parser';
import type { PendingChange } from './changes';
import type { DiagnosticsPublisher } from './diagnostics';
import type { Folders, FolderState } from './folders';
import { IndexingProgress } from './progress';
import type { EditorSettings } from './settings';
import type { StatusReporter } from './status';

/** How a folder's engine is opened: Engine.open, or a test's stand-in. */
export type OpenEngine = (root: string, options: EngineOptions) => Promise<Engine>;

export interface AnalysisContext {
  connection: Connection;
  openEngine: OpenEngine;
  folders: Folders;
  documents: TextDocuments<TextDocument>;
  publisher: DiagnosticsPublisher;
  status: StatusReporter;
  settings: EditorSettings;
  progressSupported: boolean;
  /** From the client's initialization options: Workspace Trust and the fact-cache folder. */
  workspace: { trusted: boolean; cacheDir?: string };
}

type ProgressCallback = (done: number, total: number) => void;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class FolderAnalysis {
  private parser: Promise<GoParser> | undefined;

  constructor(private readonly ctx: AnalysisContext) {}

  /** Indexes a new folder with its editor settings. */
  open(folder: FolderState): Promise<void> {
    return folder.run(() =>
      this.index(folder, async (onProgress) => {
        const parser = await this.sharedParser();
        folder.overrides = await this.ctx.settings.forFolder(folder);
        const { trusted, cacheDir } = this.ctx.workspace;
        folder.engine = await this.ctx.openEngine(folder.root, { settings: folder.overrides, parser, onProgress, trusted, ...(cacheDir ? { cacheDir } : {}) });
      }),
    );
  }

  /** Re-reads the folder from disk (opening it again when its first indexing failed). */
  reindex(folder: FolderState): Promise<void> {
    const engine = folder.engine;
    if (!engine) return this.open(folder);
    return folder.run(() => this.index(folder, (onProgress) => engine.reindex(onProgress)));
  }

  /** New editor settings: the engine re-indexes with them. */
  applySettings(folder: FolderState, overrides: SettingsInput): Promise<void> {
    const engine = folder.engine;
    if (!engine) return this.open(folder);
    return folder.run(() =>
      this.index(folder, async () => {
        folder.overrides = overrides;
        await engine.setOverrides(overrides);
      }),
    );
  }

  applyChanges(folder: FolderState, changes: PendingChange[]): Promise<void> {
    return folder.run(async () => {
      const engine = folder.engine;
      if (!engine || folder.disposed) return;
      try {
        await engine.update(changes.map(({ version: _version, ...change }) => change));
        for (const change of changes) {
          if (change.version !== undefined) folder.analysedVersions.set(change.file, change.version);
          else if (change.file.endsWith('.go')) folder.analysedVersions.delete(change.file);
        }
        // A settings-file change re-reads every file from disk, open documents included.
        if (changes.some((c) => c.file === CONFIG_FILE)) await this.feedOpenDocuments(folder, engine);
      } catch (error) {
        this.ctx.connection.console.error(`gocomply: applying changes in ${folder.name} failed: ${errorMessage(error)}`);
      }
      this.publish(folder);
    });
  }

  /** Stops a removed folder: its diagnostics are cleared and its engine disposed. */
  close(folder: FolderState): Promise<void> {
    this.ctx.publisher.remove(folder.uri);
    this.ctx.status.published();
    return this.stop(folder);
  }

  /** Shutdown: every engine and the parser are released once their current work is done. */
  async dispose(): Promise<void> {
    await Promise.all(this.ctx.folders.all().map((folder) => this.stop(folder)));
    if (this.parser) (await this.parser.catch(() => undefined))?.dispose();
    this.parser = undefined;
  }

  private stop(folder: FolderState): Promise<void> {
    folder.disposed = true;
    return folder.run(async () => {
      folder.engine?.dispose();
      folder.engine = undefined;
      folder.result = undefined;
    });
  }

  private sharedParser(): Promise<GoParser> {
    this.parser ??= GoParser.create();
    return this.parser;
  }

  private async index(folder: FolderState, load: (onProgress: ProgressCallback) => Promise<void>): Promise<void> {
    if (folder.disposed) return;
    folder.indexing = true;
    folder.error = undefined;
    this.ctx.status.indexing(`indexing ${folder.name}`);
    const progress = await IndexingProgress.begin(this.ctx.connection, this.ctx.progressSupported, `gocomply: indexing ${folder.name}`);
    const started = performance.now();
    try {
      await load(progress.report);
      folder.analysedVersions.clear();
      if (folder.engine) await this.feedOpenDocuments(folder, folder.engine);
      const files = folder.engine?.fileCount ?? 0;
      this.ctx.connection.console.info(`gocomply: indexed ${folder.name}: ${files} Go files in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      // The engine's state after a failed (re)index is unknown: drop it, so a reindex opens the folder afresh.
      folder.engine?.dispose();
      folder.engine = undefined;
      folder.error = errorMessage(error);
      folder.result = undefined;
      this.ctx.connection.console.error(`gocomply: indexing ${folder.name} failed: ${folder.error}`);
    } finally {
      progress.done();
      folder.indexing = false;
    }
    this.publish(folder);
  }

  /** Open Go documents' text wins over the disk. */
  private async feedOpenDocuments(folder: FolderState, engine: Engine): Promise<void> {
    const open = this.ctx.documents.all().flatMap((doc) => {
      const located = this.ctx.folders.locate(doc.uri);
      return located?.folder === folder && located.rel.endsWith('.go') ? [{ doc, rel: located.rel }] : [];
    });
    if (open.length === 0) return;
    await engine.update(open.map(({ doc, rel }) => ({ file: rel, kind: 'changed' as const, text: doc.getText() })));
    for (const { doc, rel } of open) folder.analysedVersions.set(rel, doc.version);
  }

  /** Analyses the folder's current facts and publishes what changed. */
  private publish(folder: FolderState): void {
    if (folder.disposed) return;
    if (folder.engine) {
      try {
        folder.result = folder.engine.analyze();
        folder.error = undefined;
      } catch (error) {
        folder.error = `analysis failed: ${errorMessage(error)}`;
        folder.result = undefined;
        this.ctx.connection.console.error(`gocomply: ${folder.name}: ${folder.error}`);
      }
    }
    this.ctx.publisher.publish(folder);
    this.ctx.status.published();
  }
}
