// A small LSP client for the tests: starts the bundled server (dist/server.js)
// over stdio, initializes it with workspace folders and the capabilities a
// VS Code client has, answers its requests (configuration, progress tokens,
// registrations) and records what it sends. Tests wait on notifications
// (`gocomply/status`), never on time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type Registration,
  type WorkspaceEdit,
  type ShowMessageParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../../common/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

export function fileUri(absolute: string): string {
  return pathToFileURL(absolute).href;
}

/** A diagnostic's message as text (LSP 3.18 allows markup there; this server sends plain strings). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], changeAnnotationSupport: { groupsOnLabel: true } },
  },
  window: { workDoneProgress: true, showMessage: {} },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      dataSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
  },
};

export interface ClientOptions {
  /** Absolute folder paths, opened as workspace folders. */
  folders: string[];
  /** The `gocomply` section the client answers for a folder URI; `{}` by default. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Sent as `initializationOptions` (common/protocol.ts GocomplyInitializationOptions); none by default. */
  initializationOptions?: unknown;
  /**
   * Answers the server's `workspace/applyEdit` as an editor would: applies the
   * edit (to disk) and says whether it did. By default edits are refused.
   */
  applyEdit?: (edit: WorkspaceEdit, label: string | undefined) => boolean;
}

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** The server's side of the test: how it ends, and what it printed. */
interface ServerHandle {
  exited: Promise<number | null>;
  kill(): void;
  output(): string;
}

function processHandle(child: ChildProcessWithoutNullStreams): ServerHandle {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: () => child.kill(),
    output: () => stderr,
  };
}

interface Waiter {
  matches(): boolean;
  resolve(): void;
  reject(error: Error): void;
}

export class TestClient {
  readonly statuses: StatusParams[] = [];
  /** Latest publishDiagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times diagnostics were published per URI. */
  readonly publishCounts = new Map<string, number>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  /** Every `workspace/applyEdit` the server sent, applied or not. */
  readonly appliedEdits: { edit: WorkspaceEdit; label: string | undefined }[] = [];
  readonly progress: ProgressValue[] = [];
  initializeResult: InitializeResult | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly options: ClientOptions,
    private readonly server: ServerHandle,
  ) {
    this.exited = server.exited.then((code) => {
      this.exitCode = code;
      this.failWaiters(`the server exited (code ${code})\n${server.output()}\n${this.logs.join('\n')}`);
      return code;
    });
    this.handleServerMessages();
    connection.listen();
  }

  /** Starts dist/server.js over stdio and initializes it. */
  static start(options: ClientOptions): Promise<TestClient> {
    if (!fs.existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build\` before the LSP tests`);
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { cwd: REPO_ROOT });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    // With our pid the server also exits should this test process die without shutting it down.
    return TestClient.initialize(connection, options, processHandle(child), process.pid);
  }

  /**
   * Initializes a server running in this process on the given streams. Its
   * `exit` handler would end the test process: do not call `stop()` on it.
   */
  static connect(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ClientOptions): Promise<TestClient> {
    const connection = createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
    return TestClient.initialize(connection, options, { exited: new Promise(() => undefined), kill: () => undefined, output: () => '' }, null);
  }

  private static async initialize(
    connection: ProtocolConnection,
    options: ClientOptions,
    server: ServerHandle,
    processId: number | null,
  ): Promise<TestClient> {
    const client = new TestClient(connection, options, server);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId,
      rootUri: null,
      capabilities: CLIENT_CAPABILITIES,
      workspaceFolders: options.folders.map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })),
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private handleServerMessages(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => this.options.settings?.(item.scopeUri) ?? {}));
    c.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      c.onProgress(WorkDoneProgress.type, token, (value) => {
        this.progress.push(value);
        this.notify();
      });
    });
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
    c.onRequest(UnregistrationRequest.type, () => undefined);
    c.onRequest(ApplyWorkspaceEditRequest.type, ({ edit, label }) => {
      this.appliedEdits.push({ edit, label });
      return { applied: this.options.applyEdit?.(edit, label) ?? false };
    });
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      this.notify();
    });
    c.onNotification(StatusNotification, (params) => {
      this.statuses.push(params);
      this.notify();
    });
    // window.showWarningMessage & co. are requests (they may offer actions); this client picks none.
    c.onRequest(ShowMessageRequest.type, (params) => {
      this.messages.push({ type: params.type, message: params.message });
      this.notify();
      return null;
    });
    c.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.notify();
    });
    c.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
  }

  /** The last status received. */
  get lastStatus(): StatusParams | undefined {
    return this.statuses.at(-1);
  }

  /** The generation of the last status, 0 before any. */
  get generation(): number {
    return this.lastStatus?.generation ?? 0;
  }

  /** Resolves once `predicate` holds of the client's recorded state (checked now and after each message). */
  waitUntil(predicate: () => boolean, what: string): Promise<void> {
    if (predicate()) return Promise.resolve();
    if (this.exitCode !== undefined) return Promise.reject(new Error(`waiting for ${what}, but the server has exited`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches: predicate,
        resolve,
        reject: (error) => reject(new Error(`waiting for ${what}: ${error.message}`)),
      };
      this.waiters.add(waiter);
    });
  }

  /** The first status (already received or to come) after generation `after` that satisfies `predicate`. */
  async waitForStatus(predicate: (s: StatusParams) => boolean, after = -1): Promise<StatusParams> {
    const find = () => this.statuses.find((s) => s.generation > after && predicate(s));
    await this.waitUntil(() => find() !== undefined, 'a gocomply/status');
    const found = find();
    if (!found) throw new Error('unreachable: status vanished');
    return found;
  }

  /** Sends something, then waits for the `ready` status of the analysis that follows it. */
  async thenReady(send: () => Promise<void>): Promise<StatusParams> {
    const before = this.generation;
    await send();
    return this.waitForStatus((s) => s.state === 'ready', before);
  }

  diagnosticsOf(absolute: string): Diagnostic[] {
    return this.diagnostics.get(fileUri(absolute)) ?? [];
  }

  openDocument(absolute: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: fileUri(absolute), languageId: 'go', version, text },
    });
  }

  /** A full-text change. */
  changeDocument(absolute: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: fileUri(absolute), version },
      contentChanges: [{ text }],
    });
  }

  closeDocument(absolute: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fileUri(absolute) } });
  }

  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const result: (Command | CodeAction)[] | null = await this.connection.sendRequest(CodeActionRequest.type, params);
    return (result ?? []).filter((a): a is CodeAction => !('command' in a && typeof a.command === 'string'));
  }

  /** shutdown, then exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** For a test that failed half-way: make sure no server process outlives it. */
  kill(): void {
    if (this.exitCode === undefined) this.server.kill();
    this.connection.dispose();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches()) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private failWaiters(reason: string): void {
    for (const waiter of this.waiters) waiter.reject(new Error(reason));
    this.waiters.clear();
  }
}
