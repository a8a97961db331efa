// Explorer badges on package folders: the score band's letter, with status and
// score in the tooltip.
import * as vscode from 'vscode';
import type { TreeResult } from '../../common/protocol';
import type { ComplianceStore } from './store';
import type { TreePackage } from './treeNode';

const BAND_LETTERS: Record<TreePackage['scoreBand'], string> = { excellent: 'A', good: 'B', 'needs work': 'C', poor: 'D' };

function packageFolderUri(folderUri: string, packagePath: string): string {
  const folder = vscode.Uri.parse(folderUri);
  return (packagePath === '.' ? folder : vscode.Uri.joinPath(folder, ...packagePath.split('/'))).toString();
}

export function packageBadges(result: TreeResult): Map<string, vscode.FileDecoration> {
  const badges = new Map<string, vscode.FileDecoration>();
  for (const folder of result.folders) {
    for (const pkg of folder.packages) {
      const tooltip = `gocomply: ${pkg.complianceStatus} · ${pkg.score} (${pkg.scoreBand})`;
      badges.set(packageFolderUri(folder.uri, pkg.path), new vscode.FileDecoration(BAND_LETTERS[pkg.scoreBand], tooltip));
    }
  }
  return badges;
}

export class PackageBadgeProvider implements vscode.FileDecorationProvider, vscode.Disposable {
  private badges: { result: TreeResult; byUri: Map<string, vscode.FileDecoration> } | undefined;
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ComplianceStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    const snapshot = await this.store.get();
    if (snapshot === undefined) return undefined;
    if (this.badges?.result !== snapshot.result) this.badges = { result: snapshot.result, byUri: packageBadges(snapshot.result) };
    return this.badges.byUri.get(uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
