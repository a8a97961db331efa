// The gocomply language server on an injected connection (stdio, IPC, or a
// test's in-memory pipe): lifecycle, capabilities and the wiring of the parts.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../../common/schemas/settings';
import { VERSION } from '../../../common/version';
import { Engine } from '../engine/engine';
import { errorMessage, FolderAnalysis, type OpenEngine } from './analysis';
import { ChangeQueue } from './changes';
import { CodeActions, FIX_ALL_KIND } from './codeActions';
import { DiagnosticsPublisher } from './diagnostics';
import { trackDocuments } from './documents';
import { Folders } from './folders';
import { registerPackageEdits } from './packageEdits';
import { registerRequests } from './requests';
import { EditorSettings } from './settings';
import { StatusReporter } from './status';
import { FileWatchRegistration, watchedChanges, watchedPatterns } from './watch';

export interface ServerOptions {
  /** Opens a folder's engine; Engine.open by default. */
  openEngine?: OpenEngine;
}

interface Parts {
  analysis: FolderAnalysis;
  settings: EditorSettings;
  watch: FileWatchRegistration;
}

function canCreateFiles(capabilities: ClientCapabilities): boolean {
  const edit = capabilities.workspace?.workspaceEdit;
  return edit?.documentChanges === true && (edit.resourceOperations ?? []).includes('create');
}

function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  if (params.rootUri) return [{ uri: params.rootUri, name: params.rootUri.split('/').at(-1) ?? params.rootUri }];
  return [];
}

/**
 * The client's options (common/protocol.ts). A client that sends none (another
 * editor, a test) gets an untrusted workspace without a cache: no git runs.
 */
function initializationOptions(value: unknown): { trusted: boolean; cacheDir?: string } {
  if (typeof value !== 'object' || value === null) return { trusted: false };
  const trusted = 'trusted' in value && value.trusted === true;
  const cacheDir = 'cacheDir' in value && typeof value.cacheDir === 'string' ? value.cacheDir : undefined;
  return cacheDir === undefined ? { trusted } : { trusted, cacheDir };
}

export class GocomplyServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly folders = new Folders();
  private readonly publisher: DiagnosticsPublisher;
  private readonly status: StatusReporter;
  private readonly queue: ChangeQueue;
  private capabilities: ClientCapabilities = {};
  private parts: Parts | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions = {},
  ) {
    this.publisher = new DiagnosticsPublisher(connection);
    this.status = new StatusReporter(connection, this.folders);
    this.queue = new ChangeQueue((folder, changes) => this.requireParts().analysis.applyChanges(folder, changes));
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.guard('initialization', () => this.initialized()));
    connection.onShutdown(() => this.shutdown());
  }

  listen(): void {
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    const connection = this.connection;
    const settings = new EditorSettings(connection, params.capabilities.workspace?.configuration === true);
    const analysis = new FolderAnalysis({
      connection,
      openEngine: this.options.openEngine ?? ((root, engineOptions) => Engine.open(root, engineOptions)),
      folders: this.folders,
      documents: this.documents,
      publisher: this.publisher,
      status: this.status,
      settings,
      progressSupported: params.capabilities.window?.workDoneProgress === true,
      workspace: initializationOptions(params.initializationOptions),
    });
    const watch = new FileWatchRegistration(connection, params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true);
    this.parts = { analysis, settings, watch };
    for (const folder of initialFolders(params)) this.folders.add(folder);
    this.wireEvents(analysis);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gocomply', version: VERSION },
    };
  }

  private wireEvents(analysis: FolderAnalysis): void {
    const connection = this.connection;
    trackDocuments(this.documents, this.folders, this.queue);
    const actions = new CodeActions({
      folders: this.folders,
      documents: this.documents,
      queue: this.queue,
      canCreateFiles: canCreateFiles(this.capabilities),
    });
    connection.onCodeAction(async (params) => (await this.guard('code actions', () => actions.provide(params))) ?? []);
    connection.onDidChangeWatchedFiles(({ changes }) => {
      for (const { folder, change } of watchedChanges(changes, this.folders, (uri) => this.documents.get(uri) !== undefined)) {
        this.queue.add(folder, change);
      }
    });
    connection.onDidChangeConfiguration(() => void this.guard('settings', () => this.refreshSettings()));
    registerRequests(connection, this.folders, analysis, this.status);
    registerPackageEdits({ connection, folders: this.folders, actions, queue: this.queue });
  }

  private async initialized(): Promise<void> {
    const { analysis } = this.requireParts();
    if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'gocomply' });
    }
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => void this.guard('workspace folders', () => this.changeFolders(event)));
    }
    // Watch before indexing, so nothing changed meanwhile is missed; the folders' own profile patterns follow.
    await this.updateWatchers();
    this.status.indexing(`indexing ${this.folders.all().length} folder(s)`);
    await Promise.all(this.folders.all().map((folder) => analysis.open(folder)));
    await this.updateWatchers();
  }

  private async changeFolders(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const { analysis } = this.requireParts();
    for (const removed of event.removed) {
      const folder = this.folders.remove(removed.uri);
      if (!folder) continue;
      this.queue.dropFolder(folder);
      await analysis.close(folder);
    }
    const added = event.added.flatMap((f) => this.folders.add(f) ?? []);
    await Promise.all(added.map((folder) => analysis.open(folder)));
    await this.updateWatchers();
  }

  private async refreshSettings(): Promise<void> {
    const { analysis, settings } = this.requireParts();
    await Promise.all(
      this.folders.all().map(async (folder) => {
        const overrides = await settings.forFolder(folder);
        if (JSON.stringify(overrides) !== JSON.stringify(folder.overrides)) await analysis.applySettings(folder, overrides);
      }),
    );
    await this.updateWatchers();
  }

  private updateWatchers(): Promise<void> {
    const settings = this.folders.all().flatMap((f) => (f.engine ? [f.engine.settings] : []));
    return this.requireParts().watch.update(watchedPatterns(settings.length > 0 ? settings : [defaultSettings()]));
  }

  private async shutdown(): Promise<void> {
    this.queue.dispose();
    await this.parts?.analysis.dispose();
  }

  private requireParts(): Parts {
    if (!this.parts) throw new Error('gocomply: request before initialize');
    return this.parts;
  }

  /** Runs a handler; a failure is logged and reported in the status, never thrown at the connection. */
  private async guard<T>(what: string, task: () => Promise<T>): Promise<T | undefined> {
    try {
      return await task();
    } catch (error) {
      this.connection.console.error(`gocomply: ${what} failed: ${errorMessage(error)}`);
      this.status.failed(`${what} failed: ${errorMessage(error)}`);
      return undefined;
    }
  }
}
