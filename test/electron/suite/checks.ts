// The end-to-end checks, through the extension's API and VS Code's commands.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { GocomplyApi } from '../../../client/src/api';
import { COMMANDS } from '../../../client/src/commandIds';
import type { Workspace } from '../../e2e/fixture';
import { waitFor } from '../../e2e/harness';
import { isPackageContextValue } from '../../../client/src/treeState';

const EXTENSION_ID = 'gocomply.gocomply';

function isApi(value: unknown): value is GocomplyApi {
  return typeof value === 'object' && value !== null && 'treeChildren' in value && 'onDidChangeStatus' in value;
}

export async function activateGocomply(): Promise<GocomplyApi> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api: unknown = await extension.activate();
  assert.ok(isApi(api), 'activate() returns the gocomply API');
  return api;
}

export async function checkCommandsRegistered(): Promise<void> {
  const registered = new Set(await vscode.commands.getCommands(true));
  for (const id of Object.values(COMMANDS)) assert.ok(registered.has(id), `${id} is registered`);
}

export async function waitForReady(api: GocomplyApi): Promise<void> {
  const status = await waitFor('the server to report ready', () => (api.status?.state === 'ready' ? api.status : undefined), 120_000);
  assert.equal(typeof status.score, 'number');
}

export async function checkTreeListsPackages(api: GocomplyApi, workspace: Workspace): Promise<void> {
  const [folder] = await api.treeChildren();
  assert.ok(folder, 'the tree has a workspace folder row');
  const packages = (await api.treeChildren(folder)).filter((row) => isPackageContextValue(row.contextValue));
  assert.deepEqual(packages.map((row) => row.label).sort(), workspace.packages);
}

function missingFileDiagnostic(uri: vscode.Uri, file: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'gocomply' && d.message.includes(basename(file)));
}

export async function checkQuickFixCreatesFile(folder: vscode.Uri, workspace: Workspace): Promise<void> {
  const { anchorFile, missingFile, packageName } = workspace.missingFileCase;
  const anchor = vscode.Uri.joinPath(folder, anchorFile);
  await vscode.window.showTextDocument(anchor);
  const diagnostic = await waitFor(`a diagnostic naming ${missingFile}`, () => missingFileDiagnostic(anchor, missingFile));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', anchor, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const create = actions.find((action) => action.title.startsWith('Create') && action.title.includes(basename(missingFile)));
  assert.ok(create?.edit, `a "Create ${basename(missingFile)}" quick fix with an edit (have: ${actions.map((a) => a.title).join('; ')})`);
  assert.ok(await vscode.workspace.applyEdit(create.edit), 'the edit applies');
  await vscode.workspace.saveAll(false);
  const target = join(workspace.root, missingFile);
  await waitFor(`${missingFile} on disk`, () => (existsSync(target) && readFileSync(target, 'utf8').includes(`package ${packageName}`) ? true : undefined));
}

export async function checkAddSpanQuickFix(folder: vscode.Uri, workspace: Workspace): Promise<void> {
  const { file, line, method, spanName } = workspace.spanCase;
  const uri = vscode.Uri.joinPath(folder, file);
  await vscode.window.showTextDocument(uri);
  const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
  const untraced = (d: vscode.Diagnostic) => d.source === 'gocomply' && codeOf(d) === 'otel/untraced-method' && d.range.start.line === line - 1;
  const diagnostic = await waitFor(`the untraced-method diagnostic of ${method}`, () => vscode.languages.getDiagnostics(uri).find(untraced));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const addSpan = actions.find((action) => action.title === `Add a span to ${method}`);
  assert.ok(addSpan?.edit, `an "Add a span to ${method}" quick fix (have: ${actions.map((a) => a.title).join('; ')})`);
  assert.ok(await vscode.workspace.applyEdit(addSpan.edit), 'the edit applies');
  await vscode.workspace.saveAll(false);
  const target = join(workspace.root, file);
  await waitFor(`${file} starting span ${spanName}`, () => (readFileSync(target, 'utf8').includes(`.Start(ctx, ${JSON.stringify(spanName)})`) ? true : undefined));
}
