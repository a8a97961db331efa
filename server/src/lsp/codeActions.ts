// Code actions: the quick fixes of each gocomply diagnostic (the diagnostic
// attached, the edit on the action) and `source.fixAll.gocomply` with every
// safe fix of a file. Nothing is offered against stale text: when the
// client's document is newer than the analysed one, or the diagnostic was
// computed on another version, the answer is empty. The plans come from the
// engine's fixes; nothing here knows Go.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { combinePlans } from '../engine/fixes/combine';
import { diagnosticFixes, safeFixes } from '../engine/fixes/index';
import type { FixWorkspace, PlannedFix } from '../engine/fixes/plan';
import { fixWorkspace } from '../engine/fixes/workspace';
import type { EngineDiagnostic } from '../engine/rules/finding';
import type { ChangeQueue } from './changes';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import type { FileInFolder, Folders, FolderState } from './folders';
import { planToWorkspaceEdit, type EditTarget } from './workspaceEdit';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gocomply`;

export interface CodeActionDeps {
  folders: Folders;
  documents: TextDocuments<TextDocument>;
  queue: ChangeQueue;
  /** The client applies `documentChanges` with `create` operations. */
  canCreateFiles: boolean;
}

/** Whether `kind` was asked for; without `only`, quick fixes are and source actions are not. */
function wants(only: string[] | undefined, kind: string): boolean {
  if (only === undefined) return kind === CodeActionKind.QuickFix;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function sameRange(a: Diagnostic['range'], b: EngineDiagnostic['range']): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

export class CodeActions {
  constructor(private readonly deps: CodeActionDeps) {}

  provide(params: CodeActionParams): Promise<CodeAction[]> {
    const located = this.deps.folders.locate(params.textDocument.uri);
    if (!located) return Promise.resolve([]);
    // In the folder's queue, so the analysis read is the one the versions describe.
    return located.folder.run(async () => this.compute(located, params));
  }

  /** What fixes may read: the analysis, the disk, and the open documents' text. */
  workspaceOf(folder: FolderState): FixWorkspace | undefined {
    const { engine, result } = folder;
    if (!engine || !result) return undefined;
    return fixWorkspace(engine, result, (file) => this.deps.documents.get(folder.uriOf(file))?.getText());
  }

  editTarget(folder: FolderState): EditTarget {
    return { folder, versionOf: (file) => this.deps.documents.get(folder.uriOf(file))?.version ?? null };
  }

  /** Plans the client can apply: without file creation support, only those that create nothing. */
  applicable(plans: PlannedFix[]): PlannedFix[] {
    return this.deps.canCreateFiles ? plans : plans.filter((p) => p.creations.length === 0);
  }

  private compute(located: FileInFolder, params: CodeActionParams): CodeAction[] {
    const { folder, rel } = located;
    const ws = this.workspaceOf(folder);
    if (!ws || this.isStale(folder, rel, params.textDocument.uri)) return [];
    const actions: CodeAction[] = [];
    if (wants(params.context.only, CodeActionKind.QuickFix)) actions.push(...this.quickFixes(folder, ws, rel, params));
    if (wants(params.context.only, FIX_ALL_KIND)) {
      const fixAll = this.fixAll(folder, ws, rel);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  /** The client's text is newer than what was analysed, or a change of it is still waiting. */
  private isStale(folder: FolderState, rel: string, uri: string): boolean {
    if (this.deps.queue.hasPending(folder, rel)) return true;
    const doc = this.deps.documents.get(uri);
    return doc !== undefined && folder.analysedVersions.get(rel) !== doc.version;
  }

  /** One action per title: `otel/missing-metrics` and `structure/missing-file` may both offer metrics.go. */
  private quickFixes(folder: FolderState, ws: FixWorkspace, rel: string, params: CodeActionParams): CodeAction[] {
    const byTitle = new Map<string, CodeAction>();
    for (const diagnostic of params.context.diagnostics) {
      const current = this.current(folder, rel, params.textDocument.uri, diagnostic);
      if (!current) continue;
      this.applicable(diagnosticFixes(current, ws)).forEach((plan, index) => {
        const same = byTitle.get(plan.title);
        if (same) {
          same.diagnostics?.push(diagnostic);
          return;
        }
        byTitle.set(plan.title, {
          title: plan.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0 && plan.safe,
          edit: planToWorkspaceEdit(plan, this.editTarget(folder)),
        });
      });
    }
    return [...byTitle.values()];
  }

  /** The engine diagnostic the client's one stands for, when it is from the analysed version. */
  private current(folder: FolderState, rel: string, uri: string, diagnostic: Diagnostic): EngineDiagnostic | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) return undefined;
    if (diagnostic.data.version !== (this.deps.documents.get(uri)?.version ?? null)) return undefined;
    return folder.result?.diagnostics.find(
      (d) => d.file === rel && d.rule === diagnostic.code && d.message === diagnostic.message && sameRange(diagnostic.range, d.range),
    );
  }

  private fixAll(folder: FolderState, ws: FixWorkspace, rel: string): CodeAction | undefined {
    const ofFile = folder.result?.diagnostics.filter((d) => d.file === rel) ?? [];
    const plans = this.applicable(safeFixes(ofFile, ws));
    if (plans.length === 0) return undefined;
    const combined = combinePlans(`Apply ${plans.length} gocomply fix${plans.length === 1 ? '' : 'es'}`, plans, ws);
    return { title: combined.title, kind: FIX_ALL_KIND, edit: planToWorkspaceEdit(combined, this.editTarget(folder)) };
  }
}
