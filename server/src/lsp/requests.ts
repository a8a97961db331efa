// The custom requests of common/protocol.ts: the tree model, reports as the
// CLI writes them, and a re-index from disk.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import {
  ReindexRequest,
  ReportRequest,
  TreeRequest,
  type ReportFormat,
  type ReportParams,
  type TreeFolder,
  type TreeResult,
} from '../../../common/protocol';
import type { Report } from '../../../common/schemas/report';
import { renderMarkdown } from '../engine/report/markdown';
import { renderSarif } from '../engine/report/sarif';
import type { FolderAnalysis } from './analysis';
import type { Folders, FolderState } from './folders';
import type { StatusReporter } from './status';

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'sarif') return `${JSON.stringify(renderSarif(report), null, 2)}\n`;
  return `${JSON.stringify(report, null, 2)}\n`;
}

function treeFolder(folder: FolderState): TreeFolder {
  const packages = folder.result?.analysis.packages.map((p) => p.model) ?? [];
  return {
    uri: folder.uri,
    name: folder.name,
    packages: [...packages].sort((a, b) => a.path.localeCompare(b.path)),
    spanStarters: folder.result?.analysis.spanStarters ?? [],
    notices: folder.engine?.allNotices() ?? [],
  };
}

async function tree(folders: Folders, status: StatusReporter): Promise<TreeResult> {
  const list = await Promise.all(folders.all().map((folder) => folder.run(async () => treeFolder(folder))));
  return { folders: list, generation: status.currentGeneration };
}

async function report(folders: Folders, params: ReportParams): Promise<{ content: string }> {
  const folder = params.folderUri === undefined ? folders.all()[0] : folders.get(params.folderUri);
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `gocomply: no workspace folder ${params.folderUri ?? ''}`.trim());
  return folder.run(async () => {
    const { engine, result } = folder;
    if (!engine || !result) {
      throw new ResponseError(ErrorCodes.InternalError, `gocomply: ${folder.name} is not indexed${folder.error ? `: ${folder.error}` : ''}`);
    }
    return { content: renderReport(engine.report(result), params.format) };
  });
}

export function registerRequests(connection: Connection, folders: Folders, analysis: FolderAnalysis, status: StatusReporter): void {
  // By method name: common/protocol.ts builds its types with the client's vscode-jsonrpc, whose
  // classes are not the server library's own copy; the handlers' types come from protocol.ts.
  connection.onRequest(TreeRequest.method, (): Promise<TreeResult> => tree(folders, status));
  connection.onRequest(ReportRequest.method, (params: ReportParams) => report(folders, params));
  connection.onRequest(ReindexRequest.method, async (): Promise<void> => {
    await Promise.all(folders.all().map((folder) => analysis.reindex(folder)));
  });
}
