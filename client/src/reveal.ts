// Opening what a tree row points at: a file and line, a package's anchor file
// at its package clause, or a folder in the explorer.
import * as vscode from 'vscode';
import type { RevealTarget } from './treeNode';

function fileUri(folderUri: string, path: string): vscode.Uri {
  const folder = vscode.Uri.parse(folderUri);
  return path === '.' || path === '' ? folder : vscode.Uri.joinPath(folder, ...path.split('/'));
}

function isProductionGoFile(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith('_test.go');
}

/**
 * The anchor file as the spec defines it (§9): `<name>.go` in the package
 * folder, else the alphabetically first production Go file there. Read on a
 * click only, never while building the tree.
 */
async function findAnchorFile(folder: vscode.Uri, packageName: string): Promise<vscode.Uri | undefined> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const goFiles = entries
    .filter(([name, type]) => type === vscode.FileType.File && isProductionGoFile(name))
    .map(([name]) => name)
    .sort();
  const named = `${packageName.slice(packageName.lastIndexOf('/') + 1)}.go`;
  const anchor = goFiles.includes(named) ? named : goFiles[0];
  return anchor === undefined ? undefined : vscode.Uri.joinPath(folder, anchor);
}

function packageClause(document: vscode.TextDocument): vscode.Range {
  const match = /^package\s+\w+/m.exec(document.getText());
  if (match === null) return new vscode.Range(0, 0, 0, 0);
  const start = document.positionAt(match.index + 'package '.length);
  return new vscode.Range(start, start);
}

async function openAt(uri: vscode.Uri, line: number | undefined): Promise<vscode.TextEditor> {
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true });
}

async function openAnchor(folderUri: string, packagePath: string, packageName: string): Promise<vscode.TextEditor | undefined> {
  const folder = fileUri(folderUri, packagePath);
  const anchor = await findAnchorFile(folder, packageName);
  if (anchor === undefined) {
    await vscode.commands.executeCommand('revealInExplorer', folder);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(anchor);
  const clause = packageClause(document);
  return vscode.window.showTextDocument(document, { selection: clause, preview: true });
}

/** Opens the target; returns the editor when one was opened. */
export async function revealTarget(target: RevealTarget): Promise<vscode.TextEditor | undefined> {
  switch (target.kind) {
    case 'file':
      return openAt(fileUri(target.location.folderUri, target.location.file), target.location.line);
    case 'anchor':
      return openAnchor(target.folderUri, target.packagePath, target.packageName);
    case 'folder':
      await vscode.commands.executeCommand('revealInExplorer', fileUri(target.folderUri, target.path));
      return undefined;
  }
}
