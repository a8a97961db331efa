// `gocomply/packageEdit`: "align package" and "add provider". The server plans
// the edit from its last analysis and asks the client to apply it
// (`workspace/applyEdit`); align's edits are grouped by part, its refactors
// needing confirmation, so VS Code shows its refactor preview first. Adding a provider records it PLANNED then
// IN_PROGRESS in the state file once the files are written, in the folder's
// queue, so the transitions are judged before the new code is analysed.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import {
  PackageEditRequest,
  type PackageEditParams,
  type PackageEditResponse,
} from '../../../common/protocol';
import type { TransitionRequest } from '../../../common/schemas/state';
import type { Engine } from '../engine/engine';
import { addProviderPlan } from '../engine/fixes/addProvider';
import { alignPackagePlan } from '../engine/fixes/alignPackage';
import type { PlannedFix } from '../engine/fixes/plan';
import { STATE_FILE } from '../engine/state';
import type { ChangeQueue } from './changes';
import type { CodeActions } from './codeActions';
import type { Folders, FolderState } from './folders';
import { planToWorkspaceEdit } from './workspaceEdit';

interface PackageEditDeps {
  connection: Connection;
  folders: Folders;
  actions: CodeActions;
  queue: ChangeQueue;
}

type Planned = { plan: PlannedFix; engine: Engine } | { refused: string };

function plan(deps: PackageEditDeps, folder: FolderState, params: PackageEditParams): Planned {
  const ws = deps.actions.workspaceOf(folder);
  const { engine, result } = folder;
  if (!ws || !engine || !result) return { refused: `${folder.name} is not indexed yet.` };
  const { operation, packagePath } = params;
  const planned = operation.kind === 'align' ? alignPackagePlan(ws, packagePath, result.diagnostics) : addProviderPlan(ws, packagePath, operation.providerName);
  if ('refused' in planned) return planned;
  if (deps.actions.applicable([planned]).length === 0) return { refused: 'This editor cannot create files from a language server edit.' };
  return { plan: planned, engine };
}

/** PLANNED (unless it already is), then IN_PROGRESS; refusals are left as they are (the tree shows the status). */
async function recordProviderStarted(engine: Engine, packagePath: string, providerName: string): Promise<void> {
  const steps: TransitionRequest[] = [
    { kind: 'plan-provider', packagePath, providerName },
    { kind: 'start-provider', packagePath, providerName },
  ];
  for (const step of steps) await engine.transition(step);
}

function opened(folder: FolderState, fix: PlannedFix): { openUri?: string } {
  const first = fix.creations.find((c) => c.file.endsWith('.go') && !c.file.endsWith('_test.go'));
  return first ? { openUri: folder.uriOf(first.file) } : {};
}

/** Align: planned in the folder's queue, applied outside it (the person may take a while in the preview). */
async function align(deps: PackageEditDeps, folder: FolderState, params: PackageEditParams): Promise<PackageEditResponse> {
  const planned = await folder.run(async () => plan(deps, folder, params));
  if ('refused' in planned) return { ok: false, message: planned.refused };
  const fix = planned.plan;
  const edit = planToWorkspaceEdit(fix, deps.actions.editTarget(folder));
  const { applied } = await deps.connection.workspace.applyEdit({ label: fix.title, edit });
  return { ok: true, applied, title: fix.title, ...(applied ? opened(folder, fix) : {}) };
}

/** Add provider: planned, applied and recorded in the queue, so the transitions see the package without the new code. */
async function addProvider(deps: PackageEditDeps, folder: FolderState, params: PackageEditParams, providerName: string): Promise<PackageEditResponse> {
  return folder.run(async () => {
    const planned = plan(deps, folder, params);
    if ('refused' in planned) return { ok: false, message: planned.refused };
    const { plan: fix, engine } = planned;
    const edit = planToWorkspaceEdit(fix, deps.actions.editTarget(folder));
    const { applied } = await deps.connection.workspace.applyEdit({ label: fix.title, edit });
    if (!applied) return { ok: true, applied, title: fix.title };
    await recordProviderStarted(engine, params.packagePath, providerName);
    // The new files reach the engine as the editor reports them (watcher, open documents).
    deps.queue.add(folder, { file: STATE_FILE, kind: 'changed' });
    return { ok: true, applied, title: fix.title, ...opened(folder, fix) };
  });
}

export function registerPackageEdits(deps: PackageEditDeps): void {
  deps.connection.onRequest(PackageEditRequest, (params: PackageEditParams) => {
    const folder = deps.folders.get(params.folderUri);
    if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `gocomply: no workspace folder ${params.folderUri}`);
    const { operation } = params;
    return operation.kind === 'align' ? align(deps, folder, params) : addProvider(deps, folder, params, operation.providerName);
  });
}
