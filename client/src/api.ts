// What `activate` returns: enough for the @vscode/test-electron suite to wait on
// the server and read the tree without sleeping.
import type * as vscode from 'vscode';
import type { StatusParams } from '../../common/protocol';
import type { ComplianceNode } from './treeNode';

export interface GocomplyApi {
  /** The latest `gocomply/status`, undefined before the first one. */
  readonly status: StatusParams | undefined;
  readonly onDidChangeStatus: vscode.Event<StatusParams>;
  /** The tree's rows below `node` (the roots without it), as the view shows them. */
  treeChildren(node?: ComplianceNode): Promise<ComplianceNode[]>;
}
