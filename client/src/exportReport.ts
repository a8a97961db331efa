// "Export Report": asks for a format and a folder, gets the report from the
// server (`gocomply/report`, the CLI's output) and saves it where the user says.
import * as vscode from 'vscode';
import { ReportRequest, type ReportFormat } from '../../common/protocol';
import type { Ctx } from './ctx';

interface FormatChoice extends vscode.QuickPickItem {
  format: ReportFormat;
  extension: string;
  filterName: string;
}

const FORMATS: FormatChoice[] = [
  { label: 'JSON', description: 'the full report (spec §10)', format: 'json', extension: 'json', filterName: 'JSON' },
  { label: 'Markdown', description: 'for people and pull requests', format: 'markdown', extension: 'md', filterName: 'Markdown' },
  { label: 'SARIF', description: 'SARIF 2.1.0, for code-scanning upload', format: 'sarif', extension: 'sarif', filterName: 'SARIF' },
];

function isReportFormat(value: unknown): value is ReportFormat {
  return FORMATS.some((choice) => choice.format === value);
}

async function pickFormat(requested: unknown): Promise<FormatChoice | undefined> {
  if (isReportFormat(requested)) return FORMATS.find((choice) => choice.format === requested);
  return vscode.window.showQuickPick(FORMATS, { title: 'gocomply: export report as' });
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to report on' });
}

/** `gocomply.exportReport [format]`: the format may be passed, else it is asked. */
export async function exportReport(ctx: Ctx, requestedFormat?: unknown): Promise<vscode.Uri | undefined> {
  const client = await ctx.clientOrExplain();
  if (client === undefined) return undefined;
  const choice = await pickFormat(requestedFormat);
  const folder = choice === undefined ? undefined : await pickFolder();
  if (choice === undefined || folder === undefined) return undefined;
  const { content } = await client.sendRequest(ReportRequest, { folderUri: folder.uri.toString(), format: choice.format });
  const target = await vscode.window.showSaveDialog({
    title: `gocomply: save the ${choice.label} report`,
    defaultUri: vscode.Uri.joinPath(folder.uri, `gocomply-report.${choice.extension}`),
    filters: { [choice.filterName]: [choice.extension] },
  });
  if (target === undefined) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`gocomply: report saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then(async (action) => {
    if (action === 'Open') await vscode.window.showTextDocument(target);
  });
  return target;
}
