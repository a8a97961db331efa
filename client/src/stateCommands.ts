// The state commands of the tree's context menus. Each sends one transition
// to the server (`gocomply/transition`), which records it in
// `.gocomply/state.json` and re-analyses; a refusal is shown as the server
// worded it (why, and what is allowed instead).
import * as vscode from 'vscode';
import { StateTransitionRequest } from '../../common/protocol';
import type { EditorTransitionRequest } from '../../common/schemas/state';
import { COMMANDS } from './commandIds';
import type { Ctx } from './ctx';
import type { ComplianceStore } from './store';
import { isComplianceNode, type StateSubject } from './treeNode';

const SUCCESS_MESSAGE_MS = 5000;
/** One provider folder name: the state file keys providers as `<packagePath>/<providerName>`. */
const PROVIDER_NAME = /^[^\s/\\]+$/;

type StateCommandId =
  | typeof COMMANDS.startAlignment
  | typeof COMMANDS.markVerified
  | typeof COMMANDS.reopen
  | typeof COMMANDS.planProvider
  | typeof COMMANDS.planProviderByName
  | typeof COMMANDS.startProvider
  | typeof COMMANDS.markProviderVerified
  | typeof COMMANDS.planMultimodal
  | typeof COMMANDS.startMultimodal
  | typeof COMMANDS.markMultimodalVerified;

type RowCommand = (row: unknown) => Promise<void>;

function subjectOf(row: unknown): StateSubject | undefined {
  return isComplianceNode(row) ? row.subject : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class StateCommands {
  constructor(
    private readonly ctx: Ctx,
    private readonly store: ComplianceStore,
  ) {}

  /** Sends the transition; `done` is the status-bar message on success. */
  private async send(folderUri: string, request: EditorTransitionRequest, done: string): Promise<void> {
    const client = await this.ctx.clientOrExplain();
    if (client === undefined) return;
    try {
      const response = await client.sendRequest(StateTransitionRequest, { folderUri, request });
      if (response.ok) vscode.window.setStatusBarMessage(`$(check) gocomply: ${done}`, SUCCESS_MESSAGE_MS);
      else void vscode.window.showWarningMessage(`gocomply: ${response.message}`);
    } catch (error) {
      this.ctx.outputChannel.error(`gocomply: ${request.kind} of ${request.packagePath} failed: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`gocomply: ${request.kind} failed: ${errorText(error)}`);
    } finally {
      // Also after a refusal: the tree may have shown a status the server no longer holds.
      this.store.invalidate();
    }
  }

  /** A transition of the row's package; `done` words the success message. */
  packageCommand(kind: 'start-alignment' | 'mark-verified' | 'reopen', done: (packagePath: string) => string): RowCommand {
    return async (row) => {
      const subject = subjectOf(row);
      if (subject !== undefined) await this.send(subject.folderUri, { kind, packagePath: subject.packagePath }, done(subject.packagePath));
    };
  }

  /** A transition of the row's provider. */
  providerCommand(kind: 'start-provider' | 'mark-provider-verified', done: string): RowCommand {
    return async (row) => {
      const subject = subjectOf(row);
      if (subject?.providerName === undefined) return;
      const { folderUri, packagePath, providerName } = subject;
      await this.send(folderUri, { kind, packagePath, providerName }, `provider ${providerName} of ${packagePath} ${done}`);
    };
  }

  /** A transition of the row's package's multimodal capability. */
  multimodalCommand(kind: 'plan-multimodal' | 'start-multimodal' | 'mark-multimodal-verified', done: string): RowCommand {
    return async (row) => {
      const subject = subjectOf(row);
      if (subject !== undefined) await this.send(subject.folderUri, { kind, packagePath: subject.packagePath }, `multimodal capability of ${subject.packagePath} ${done}`);
    };
  }

  private plan(subject: StateSubject, providerName: string): Promise<void> {
    const request: EditorTransitionRequest = { kind: 'plan-provider', packagePath: subject.packagePath, providerName };
    return this.send(subject.folderUri, request, `provider ${providerName} of ${subject.packagePath} planned`);
  }

  /** On a missing provider's row: plans that provider. */
  async planMissingProvider(row: unknown): Promise<void> {
    const subject = subjectOf(row);
    if (subject?.providerName !== undefined) await this.plan(subject, subject.providerName);
  }

  /** On a package's row: asks which provider to plan. */
  async planProviderByName(row: unknown): Promise<void> {
    const subject = subjectOf(row);
    if (subject === undefined) return;
    const name = await vscode.window.showInputBox({
      title: `gocomply: plan a provider for ${subject.packagePath}`,
      prompt: 'The provider records as PLANNED in .gocomply/state.json until its code exists.',
      placeHolder: 'provider name, e.g. gemini',
      validateInput: (value) => (PROVIDER_NAME.test(value.trim()) ? undefined : 'One name, without spaces or slashes.'),
    });
    if (name !== undefined) await this.plan(subject, name.trim());
  }
}

export function stateCommandHandlers(ctx: Ctx, store: ComplianceStore): Record<StateCommandId, RowCommand> {
  const commands = new StateCommands(ctx, store);
  return {
    [COMMANDS.startAlignment]: commands.packageCommand('start-alignment', (path) => `alignment of ${path} started`),
    [COMMANDS.markVerified]: commands.packageCommand('mark-verified', (path) => `${path} marked verified`),
    [COMMANDS.reopen]: commands.packageCommand('reopen', (path) => `${path} reopened`),
    [COMMANDS.planProvider]: (row) => commands.planMissingProvider(row),
    [COMMANDS.planProviderByName]: (row) => commands.planProviderByName(row),
    [COMMANDS.startProvider]: commands.providerCommand('start-provider', 'started'),
    [COMMANDS.markProviderVerified]: commands.providerCommand('mark-provider-verified', 'marked verified'),
    [COMMANDS.planMultimodal]: commands.multimodalCommand('plan-multimodal', 'planned'),
    [COMMANDS.startMultimodal]: commands.multimodalCommand('start-multimodal', 'started'),
    [COMMANDS.markMultimodalVerified]: commands.multimodalCommand('mark-multimodal-verified', 'marked verified'),
  };
}
