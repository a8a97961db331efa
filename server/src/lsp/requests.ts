// The custom requests of common/protocol.ts: the tree model, reports as the
// CLI writes them, a re-index from disk, and a person's status transitions.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import {
  ReindexRequest,
  ReportRequest,
  StateTransitionRequest,
  TreeRequest,
  type ReportFormat,
  type ReportParams,
  type TransitionParams,
  type TransitionResponse,
  type TreeFolder,
  type TreeResult,
} from '../../../common/protocol';
import type { Report } from '../../../common/schemas/report';
import { EditorTransitionRequestSchema, type EditorTransitionRequest, type TransitionRequest } from '../../../common/schemas/state';
import type { Engine, EngineResult } from '../engine/engine';
import { renderMarkdown } from '../engine/report/markdown';
import { renderSarif } from '../engine/report/sarif';
import { packageFingerprint, STATE_FILE } from '../engine/state';
import { errorMessage, type FolderAnalysis } from './analysis';
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

/** The folder's engine and last analysis; an error response while it has none. */
function indexed(folder: FolderState): { engine: Engine; result: EngineResult } {
  const { engine, result } = folder;
  if (!engine || !result) {
    throw new ResponseError(ErrorCodes.InternalError, `gocomply: ${folder.name} is not indexed${folder.error ? `: ${folder.error}` : ''}`);
  }
  return { engine, result };
}

function unknownFolder(uri: string | undefined): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `gocomply: no workspace folder ${uri ?? ''}`.trim());
}

async function report(folders: Folders, params: ReportParams): Promise<{ content: string }> {
  const folder = params.folderUri === undefined ? folders.all()[0] : folders.get(params.folderUri);
  if (!folder) throw unknownFolder(params.folderUri);
  return folder.run(async () => {
    const { engine, result } = indexed(folder);
    return { content: renderReport(engine.report(result), params.format) };
  });
}

function parseTransition(request: unknown): EditorTransitionRequest {
  const parsed = EditorTransitionRequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  throw new ResponseError(ErrorCodes.InvalidParams, `gocomply: not a transition: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
}

/** The engine's request: "mark verified" records the fingerprint of the package as the server last analysed it. */
function withFingerprint(request: EditorTransitionRequest, result: EngineResult): TransitionRequest | { refused: string } {
  if (request.kind !== 'mark-verified') return request;
  const model = result.analysis.packages.find((p) => p.model.path === request.packagePath)?.model;
  if (!model) return { refused: `There is no framework package at "${request.packagePath}" in this workspace, so nothing about it can be recorded.` };
  return { ...request, fingerprint: packageFingerprint(model) };
}

async function applyTransition(folder: FolderState, editorRequest: EditorTransitionRequest): Promise<TransitionResponse> {
  const { engine, result } = indexed(folder);
  const request = withFingerprint(editorRequest, result);
  if ('refused' in request) return { ok: false, message: request.refused };
  try {
    const outcome = await engine.transition(request);
    return outcome.ok ? { ok: true } : { ok: false, message: outcome.message };
  } catch (error) {
    throw new ResponseError(ErrorCodes.InternalError, `gocomply: recording the transition in ${STATE_FILE} failed: ${errorMessage(error)}`);
  }
}

/**
 * Writes the transition in the folder's queue, then re-analyses with the new
 * state file and publishes, so that by the time the client has the response
 * the tree request already sees the new statuses.
 */
async function transition(folders: Folders, analysis: FolderAnalysis, params: TransitionParams): Promise<TransitionResponse> {
  const request = parseTransition(params.request);
  const folder = folders.get(params.folderUri);
  if (!folder) throw unknownFolder(params.folderUri);
  const response = await folder.run(() => applyTransition(folder, request));
  if (response.ok) await analysis.applyChanges(folder, [{ file: STATE_FILE, kind: 'changed' }]);
  return response;
}

export function registerRequests(connection: Connection, folders: Folders, analysis: FolderAnalysis, status: StatusReporter): void {
  connection.onRequest(TreeRequest, (): Promise<TreeResult> => tree(folders, status));
  connection.onRequest(ReportRequest, (params: ReportParams) => report(folders, params));
  connection.onRequest(ReindexRequest, async (): Promise<void> => {
    await Promise.all(folders.all().map((folder) => analysis.reindex(folder)));
  });
  connection.onRequest(StateTransitionRequest, (params: TransitionParams) => transition(folders, analysis, params));
}
