// One status bar item: the workspace score and the server's state, from
// `gocomply/status`; a spinner while indexing.
import * as vscode from 'vscode';
import type { StatusParams } from '../../common/protocol';
import { COMMANDS, FOCUS_TREE_COMMAND } from './commandIds';
import type { Ctx, ServerPhase } from './ctx';

interface StatusView {
  text: string;
  tooltip: string;
  command: string;
  warning?: boolean;
}

function countsLine(status: StatusParams): string {
  return `${status.packages} packages in ${status.folders} folder(s), ${status.files} files, ${status.diagnostics} diagnostics`;
}

/** What the item shows for a server phase and its latest status. */
export function statusView(phase: ServerPhase, status: StatusParams | undefined): StatusView {
  if (phase === 'stopped') return { text: '$(debug-disconnect) gocomply: stopped', tooltip: 'The gocomply language server is not running. Click to restart it.', command: COMMANDS.restartServer, warning: true };
  if (phase === 'starting' || status === undefined) return { text: '$(sync~spin) gocomply: starting', tooltip: 'Starting the gocomply language server', command: COMMANDS.showOutput };
  if (status.state === 'indexing') {
    return { text: '$(sync~spin) gocomply: indexing', tooltip: status.message ?? 'Indexing the workspace', command: COMMANDS.showOutput };
  }
  if (status.state === 'error') {
    return { text: '$(error) gocomply: error', tooltip: status.message ?? 'The analysis failed; see the output.', command: COMMANDS.showOutput, warning: true };
  }
  const score = status.score === null ? '' : ` ${status.score}`;
  const scoreLine = status.score === null ? 'No package scored yet.' : `Workspace score ${status.score} (mean package score).`;
  return { text: `$(checklist) gocomply${score}`, tooltip: `${scoreLine}\n${countsLine(status)}`, command: FOCUS_TREE_COMMAND };
}

export function registerStatusBar(ctx: Ctx): void {
  const item = vscode.window.createStatusBarItem('gocomply.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'gocomply';
  const render = (): void => {
    const view = statusView(ctx.phase, ctx.status);
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.command = view.command;
    item.backgroundColor = view.warning === true ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  ctx.pushExtCleanup(item, ctx.onDidChangeStatus(render), ctx.onDidChangePhase(render));
  render();
}
