// The compliance tree view: nodes come from the store's model (treeModel.ts);
// this file only turns them into TreeItems and applies the filter.
import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS, TREE_VIEW_ID } from './commandIds';
import type { ComplianceStore } from './store';
import type { ComplianceNode, Tone } from './treeNode';
import { visibleChildren } from './treeModel';


const TONE_COLORS: Record<Tone, string> = {
  pass: 'testing.iconPassed',
  warn: 'problemsWarningIcon.foreground',
  fail: 'problemsErrorIcon.foreground',
  info: 'problemsInfoIcon.foreground',
};

function collapsibleState(node: ComplianceNode): vscode.TreeItemCollapsibleState {
  if (node.children.length === 0) return vscode.TreeItemCollapsibleState.None;
  return node.expanded === true ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
}

export function toTreeItem(node: ComplianceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, collapsibleState(node));
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  item.iconPath = new vscode.ThemeIcon(node.icon, node.tone === undefined ? undefined : new vscode.ThemeColor(TONE_COLORS[node.tone]));
  if (node.target !== undefined) item.command = { command: COMMANDS.reveal, title: 'Reveal', arguments: [node.target] };
  return item;
}

export class ComplianceTreeProvider implements vscode.TreeDataProvider<ComplianceNode> {
  private nonCompliantOnly = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: ComplianceStore) {}

  get filtered(): boolean {
    return this.nonCompliantOnly;
  }

  /** Re-reads the store; called when the store drops its model. */
  refresh(): void {
    this.changed.fire();
  }

  async setFilter(nonCompliantOnly: boolean): Promise<void> {
    this.nonCompliantOnly = nonCompliantOnly;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.filtered, nonCompliantOnly);
    this.changed.fire();
  }

  getTreeItem(node: ComplianceNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: ComplianceNode): Promise<ComplianceNode[]> {
    const model = (await this.store.get())?.model;
    if (model === undefined) return [];
    if (node === undefined) return model.roots;
    const current = model.byId(node.id);
    return current === undefined ? [] : visibleChildren(current.children, this.nonCompliantOnly);
  }

  async getParent(node: ComplianceNode): Promise<ComplianceNode | undefined> {
    return (await this.store.get())?.model.parentOf(node.id);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface ComplianceTree {
  provider: ComplianceTreeProvider;
  view: vscode.TreeView<ComplianceNode>;
}

export function registerComplianceTree(store: ComplianceStore, subscriptions: vscode.Disposable[]): ComplianceTree {
  const provider = new ComplianceTreeProvider(store);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  subscriptions.push(provider, view, store.onDidChange(() => provider.refresh()));
  return { provider, view };
}
