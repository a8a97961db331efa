// "Align package" and "add provider": the server plans the edit and asks the
// editor to apply it (align through the refactor preview). Run from a package
// row of the tree, a missing provider's row, or the command palette (which
// asks for the package).
import * as vscode from 'vscode';
import { PackageEditRequest, type PackageEditResponse, type PackageOperation } from '../../common/protocol';
import { COMMANDS } from './commandIds';
import type { Ctx } from './ctx';
import type { ComplianceStore } from './store';
import { isComplianceNode, type StateSubject } from './treeNode';

const SUCCESS_MESSAGE_MS = 5000;
/** A Go package name for the provider's folder: lowercase letters and digits, starting with a letter. */
const PROVIDER_NAME = /^[a-z][a-z0-9_]*$/;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The row's package, or one picked from the tree's packages. */
async function subjectOf(row: unknown, store: ComplianceStore, multiProviderOnly: boolean): Promise<StateSubject | undefined> {
  if (isComplianceNode(row) && row.subject !== undefined) return row.subject;
  const snapshot = await store.get();
  const items = (snapshot?.result.folders ?? []).flatMap((folder) =>
    folder.packages
      .filter((pkg) => !multiProviderOnly || pkg.packageStructure.multiProvider)
      .map((pkg) => ({ label: pkg.path, description: `${pkg.complianceStatus} · ${folder.name}`, subject: { folderUri: folder.uri, packagePath: pkg.path } })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`gocomply: no ${multiProviderOnly ? 'multi-provider ' : ''}framework package in this workspace.`);
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: 'gocomply: which package?' }))?.subject;
}

async function askProviderName(subject: StateSubject): Promise<string | undefined> {
  if (subject.providerName !== undefined) return subject.providerName.toLowerCase();
  const name = await vscode.window.showInputBox({
    title: `gocomply: add a provider to ${subject.packagePath}`,
    prompt: `Writes ${subject.packagePath}/providers/<name>/ and records the provider IN_PROGRESS in .gocomply/state.json.`,
    placeHolder: 'provider name, e.g. gemini',
    validateInput: (value) => (PROVIDER_NAME.test(value.trim()) ? undefined : 'A Go package name: lowercase letters, digits and _, starting with a letter.'),
  });
  return name?.trim();
}

async function run(ctx: Ctx, store: ComplianceStore, subject: StateSubject, operation: PackageOperation): Promise<void> {
  const client = await ctx.clientOrExplain();
  if (client === undefined) return;
  let response: PackageEditResponse;
  try {
    response = await client.sendRequest(PackageEditRequest, { folderUri: subject.folderUri, packagePath: subject.packagePath, operation });
  } catch (error) {
    ctx.outputChannel.error(`gocomply: ${operation.kind} of ${subject.packagePath} failed: ${errorText(error)}`);
    void vscode.window.showErrorMessage(`gocomply: ${operation.kind} failed: ${errorText(error)}`);
    return;
  } finally {
    store.invalidate();
  }
  if (!response.ok) {
    void vscode.window.showWarningMessage(`gocomply: ${response.message}`);
    return;
  }
  if (!response.applied) {
    vscode.window.setStatusBarMessage(`gocomply: ${response.title}: not applied`, SUCCESS_MESSAGE_MS);
    return;
  }
  vscode.window.setStatusBarMessage(`$(check) gocomply: ${response.title}`, SUCCESS_MESSAGE_MS);
  if (response.openUri !== undefined) await vscode.window.showTextDocument(vscode.Uri.parse(response.openUri), { preview: false });
}

export function packageCommandHandlers(ctx: Ctx, store: ComplianceStore): Record<typeof COMMANDS.alignPackage | typeof COMMANDS.addProvider, (row: unknown) => Promise<void>> {
  return {
    [COMMANDS.alignPackage]: async (row) => {
      const subject = await subjectOf(row, store, false);
      if (subject !== undefined) await run(ctx, store, subject, { kind: 'align' });
    },
    [COMMANDS.addProvider]: async (row) => {
      const subject = await subjectOf(row, store, true);
      const providerName = subject === undefined ? undefined : await askProviderName(subject);
      if (subject !== undefined && providerName !== undefined) await run(ctx, store, subject, { kind: 'add-provider', providerName });
    },
  };
}
