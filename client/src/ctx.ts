// Owns the language client's lifecycle (start, stop, restart) and the two kinds
// of disposables: extension-long ones live until deactivation, client-long ones
// are dropped with each client.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification, type GocomplyInitializationOptions, type StatusParams } from '../../common/protocol';
import { settingsMiddleware } from './settings';

/** Where the server is, from the client's side; `running` says nothing about indexing (see StatusParams). */
export type ServerPhase = 'stopped' | 'starting' | 'running';

function phaseOf(state: State): ServerPhase {
  if (state === State.Running) return 'running';
  if (state === State.Starting) return 'starting';
  return 'stopped';
}

function disposeAll(disposables: vscode.Disposable[]): void {
  for (const disposable of disposables.splice(0).reverse()) disposable.dispose();
}

export class Ctx {
  private client: LanguageClient | undefined;
  private readonly clientDisposables: vscode.Disposable[] = [];
  private latestStatus: StatusParams | undefined;
  private readonly statusEmitter = new vscode.EventEmitter<StatusParams>();
  private readonly phaseEmitter = new vscode.EventEmitter<ServerPhase>();
  readonly outputChannel: vscode.LogOutputChannel;
  /** Each `gocomply/status` notification of the current server. */
  readonly onDidChangeStatus = this.statusEmitter.event;
  readonly onDidChangePhase = this.phaseEmitter.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel('gocomply', { log: true });
    this.pushExtCleanup(this.outputChannel, this.statusEmitter, this.phaseEmitter);
  }

  pushExtCleanup(...disposables: vscode.Disposable[]): void {
    this.extension.subscriptions.push(...disposables);
  }

  pushClientCleanup(...disposables: vscode.Disposable[]): void {
    this.clientDisposables.push(...disposables);
  }

  get status(): StatusParams | undefined {
    return this.latestStatus;
  }

  get phase(): ServerPhase {
    return this.client === undefined ? 'stopped' : phaseOf(this.client.state);
  }

  /** The client when the server is up, else undefined. */
  get runningClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  async start(): Promise<void> {
    if (this.client !== undefined) return;
    const client = this.createClient();
    this.client = client;
    this.pushClientCleanup(
      client.onDidChangeState((event) => this.phaseEmitter.fire(phaseOf(event.newState))),
      client.onNotification(StatusNotification, (status) => this.setStatus(status)),
    );
    try {
      await client.start();
    } catch (error) {
      this.outputChannel.error(`gocomply: the language server did not start: ${String(error)}`);
      this.phaseEmitter.fire('stopped');
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    disposeAll(this.clientDisposables);
    this.latestStatus = undefined;
    if (client !== undefined) await client.dispose(2000).catch((error: unknown) => this.outputChannel.warn(`gocomply: stopping the server: ${String(error)}`));
    this.phaseEmitter.fire('stopped');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /**
   * The running client; when the server is down, says so and offers a restart,
   * so a command never fails silently.
   */
  async clientOrExplain(): Promise<LanguageClient | undefined> {
    const client = this.runningClient;
    if (client !== undefined) return client;
    const detail = this.phase === 'starting' ? 'is still starting' : 'is not running';
    const choice = await vscode.window.showWarningMessage(`gocomply: the language server ${detail}.`, 'Restart Server', 'Show Output');
    if (choice === 'Restart Server') await this.restart();
    if (choice === 'Show Output') this.outputChannel.show();
    return undefined;
  }

  private setStatus(status: StatusParams): void {
    this.latestStatus = status;
    this.statusEmitter.fire(status);
  }

  private createClient(): LanguageClient {
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const storage = this.extension.storageUri?.fsPath;
    const initializationOptions: GocomplyInitializationOptions = { trusted: vscode.workspace.isTrusted, ...(storage === undefined ? {} : { cacheDir: storage }) };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'go' },
        { scheme: 'file', pattern: '**/.gocomply.json' },
      ],
      outputChannel: this.outputChannel,
      initializationOptions,
      middleware: settingsMiddleware(this.extension.extension),
    };
    return new LanguageClient('gocomply', 'gocomply', serverOptions, clientOptions);
  }
}
