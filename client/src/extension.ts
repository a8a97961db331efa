// Activation: registers the view, commands and badges at once, and starts the
// language server only when the workspace holds a Go module (the server
// indexes after activation, so this stays fast).
import * as vscode from 'vscode';
import type { GocomplyApi } from './api';
import { CONTEXT_KEYS } from './commandIds';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { PackageBadgeProvider } from './decorations';
import { registerStatusBar } from './statusBar';
import { ComplianceStore } from './store';
import { registerComplianceTree } from './tree';

const GO_MODULE_GLOB = '**/go.mod';
const SKIPPED_FOLDERS_GLOB = '**/{node_modules,vendor,.git}/**';

let activeCtx: Ctx | undefined;

async function hasGoModule(): Promise<boolean> {
  return (await vscode.workspace.findFiles(GO_MODULE_GLOB, SKIPPED_FOLDERS_GLOB, 1)).length > 0;
}

function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}

async function startServer(ctx: Ctx): Promise<void> {
  await setContext(CONTEXT_KEYS.serverPhase, 'starting');
  await setContext(CONTEXT_KEYS.goModuleFound, true);
  ctx.pushExtCleanup(ctx.onDidChangePhase((phase) => void setContext(CONTEXT_KEYS.serverPhase, phase)));
  registerStatusBar(ctx);
  // Untrusted workspaces run with limited features; granting trust restarts with all of them.
  ctx.pushExtCleanup(vscode.workspace.onDidGrantWorkspaceTrust(() => void ctx.restart()));
  await ctx.start();
}

/** Starts the server now when a go.mod exists, else when the first one appears. */
async function startWhenGoModuleFound(ctx: Ctx): Promise<void> {
  if (await hasGoModule()) return startServer(ctx);
  await setContext(CONTEXT_KEYS.goModuleFound, false);
  const watcher = vscode.workspace.createFileSystemWatcher(GO_MODULE_GLOB, false, true, true);
  ctx.pushExtCleanup(watcher);
  const started = watcher.onDidCreate(() => {
    started.dispose();
    watcher.dispose();
    void startServer(ctx);
  });
}

export function activate(context: vscode.ExtensionContext): GocomplyApi {
  const ctx = new Ctx(context);
  activeCtx = ctx;
  const store = new ComplianceStore(ctx);
  const tree = registerComplianceTree(store, context.subscriptions);
  const badges = new PackageBadgeProvider(store);
  ctx.pushExtCleanup(store, badges, vscode.window.registerFileDecorationProvider(badges));
  registerCommands(ctx, store, tree);
  void startWhenGoModuleFound(ctx);
  return {
    get status() {
      return ctx.status;
    },
    onDidChangeStatus: ctx.onDidChangeStatus,
    treeChildren: (node) => tree.provider.getChildren(node),
  };
}

export async function deactivate(): Promise<void> {
  await activeCtx?.stop();
  activeCtx = undefined;
}
