// Runs inside VS Code's extension host: test-electron calls `run()` and fails
// the run when it rejects. The checks are the ones test/e2e drives through the
// UI, here through the extension's API and VS Code's commands.
import * as vscode from 'vscode';
import { Checks } from '../../e2e/harness';
import { describeWorkspace } from '../../e2e/fixture';
import { activateGocomply, checkAddSpanQuickFix, checkCommandsRegistered, checkQuickFixCreatesFile, checkTreeListsPackages, waitForReady } from './checks';

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('open the fixture workspace (runTest.ts passes it)');
  const workspace = describeWorkspace(folder.uri.fsPath);
  const checks = new Checks();
  const api = await activateGocomply();
  await checks.check('every command of package.json is registered', () => checkCommandsRegistered());
  await checks.check('the server reports ready with a score', () => waitForReady(api));
  await checks.check('the tree lists the packages of the fixture', () => checkTreeListsPackages(api, workspace));
  await checks.check('the missing-file quick fix creates the file', () => checkQuickFixCreatesFile(folder.uri, workspace));
  await checks.check('the "Add a span" quick fix on an untraced method writes the span', () => checkAddSpanQuickFix(folder.uri, workspace));
  console.log(checks.summary());
  if (checks.failedAny) throw new Error(checks.summary());
}
