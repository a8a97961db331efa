// Every command of package.json `contributes.commands`, registered in one place.
import * as vscode from 'vscode';
import { ReindexRequest } from '../../common/protocol';
import { COMMANDS, type CommandId } from './commandIds';
import type { Ctx } from './ctx';
import { exportReport } from './exportReport';
import { packageCommandHandlers } from './packageCommands';
import { revealTarget } from './reveal';
import { stateCommandHandlers } from './stateCommands';
import type { ComplianceStore } from './store';
import type { ComplianceTree } from './tree';
import { isComplianceNode, type RevealTarget } from './treeNode';

function isRevealTarget(value: unknown): value is RevealTarget {
  return typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'file' || value.kind === 'anchor' || value.kind === 'folder');
}

/** A row's click passes its target; its context menu passes the row. */
async function reveal(targetOrNode: unknown): Promise<void> {
  const target = isComplianceNode(targetOrNode) ? targetOrNode.target : targetOrNode;
  if (isRevealTarget(target)) await revealTarget(target);
}

async function reindex(ctx: Ctx, store: ComplianceStore): Promise<void> {
  const client = await ctx.clientOrExplain();
  if (client === undefined) return;
  await client.sendRequest(ReindexRequest, {});
  store.invalidate();
}

/** Opens the row's target, then asks the editor for the quick fixes there (the server's code actions). */
async function showFixes(node: unknown): Promise<void> {
  if (!isComplianceNode(node) || node.target === undefined) return;
  const editor = await revealTarget(node.target);
  if (editor !== undefined) await vscode.commands.executeCommand('editor.action.quickFix');
}

/** Selects the active editor's package in the tree. */
async function revealActiveFileInTree(tree: ComplianceTree, store: ComplianceStore): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const folder = uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(uri);
  const model = (await store.get())?.model;
  if (uri === undefined || folder === undefined || model === undefined) return;
  const file = vscode.workspace.asRelativePath(uri, false);
  const pkg = model.packageFor(folder.uri.toString(), file);
  if (pkg === undefined) {
    void vscode.window.showInformationMessage('gocomply: this file is not in a framework package.');
    return;
  }
  await tree.view.reveal(pkg, { select: true, focus: true, expand: true });
}

async function setFilter(tree: ComplianceTree, nonCompliantOnly: boolean): Promise<void> {
  await tree.provider.setFilter(nonCompliantOnly);
  tree.view.description = nonCompliantOnly ? 'non-compliant only' : undefined;
}

export function registerCommands(ctx: Ctx, store: ComplianceStore, tree: ComplianceTree): void {
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMANDS.refresh]: () => reindex(ctx, store),
    [COMMANDS.restartServer]: () => ctx.restart(),
    [COMMANDS.showOutput]: () => ctx.outputChannel.show(),
    [COMMANDS.exportReport]: (format) => exportReport(ctx, format),
    [COMMANDS.filterNonCompliant]: () => setFilter(tree, true),
    [COMMANDS.clearFilter]: () => setFilter(tree, false),
    [COMMANDS.reveal]: (targetOrNode) => reveal(targetOrNode),
    [COMMANDS.revealInTree]: () => revealActiveFileInTree(tree, store),
    [COMMANDS.showFixes]: (node) => showFixes(node),
    ...stateCommandHandlers(ctx, store),
    ...packageCommandHandlers(ctx, store),
  };
  for (const [id, handler] of Object.entries(handlers)) ctx.pushExtCleanup(vscode.commands.registerCommand(id, handler));
}
