// Code actions: a `quickfix` per fixable diagnostic (the diagnostic attached,
// the edit on the action) and `source.fixAll.gocomply` for every safe fix of a
// file. Nothing is offered against stale text: when the client's document is
// newer than the analysed one, or the diagnostic was computed on another
// version, the answer is empty. The first fix creates missing required files;
// creating never overwrites.
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { missingFileTarget, moduleOf, planFileCreations, type FileCreation, type PackageFixContext } from '../engine/fixes/missingFile';
import type { TemplateFile } from '../engine/fixes/templates';
import type { EngineDiagnostic } from '../engine/rules/finding';
import { joinRel } from '../engine/workspace/walk';
import type { ChangeQueue } from './changes';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import type { FileInFolder, Folders, FolderState } from './folders';

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
    if (!located || !this.deps.canCreateFiles) return Promise.resolve([]);
    // In the folder's queue, so the analysis read is the one the versions describe.
    return located.folder.run(async () => this.compute(located, params));
  }

  private compute(located: FileInFolder, params: CodeActionParams): CodeAction[] {
    const { folder, rel } = located;
    if (!folder.result || this.isStale(folder, rel, params.textDocument.uri)) return [];
    const actions: CodeAction[] = [];
    if (wants(params.context.only, CodeActionKind.QuickFix)) {
      // One action per file to create: `otel/missing-metrics` and `structure/missing-file` may both ask for metrics.go.
      const byTitle = new Map<string, CodeAction>();
      for (const diagnostic of params.context.diagnostics) {
        const action = this.quickFix(folder, rel, params.textDocument.uri, diagnostic);
        const same = action && byTitle.get(action.title);
        if (same) same.diagnostics?.push(diagnostic);
        else if (action) byTitle.set(action.title, action);
      }
      actions.push(...byTitle.values());
    }
    if (wants(params.context.only, FIX_ALL_KIND)) {
      const fixAll = this.fixAll(folder, rel);
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

  private quickFix(folder: FolderState, rel: string, uri: string, diagnostic: Diagnostic): CodeAction | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) return undefined;
    if (diagnostic.data.version !== (this.deps.documents.get(uri)?.version ?? null)) return undefined;
    const current = folder.result?.diagnostics.find(
      (d) => d.file === rel && d.rule === diagnostic.code && d.message === diagnostic.message && sameRange(diagnostic.range, d.range),
    );
    if (!current) return undefined;
    const creations = this.creationsFor(folder, [current]);
    const [creation] = creations;
    if (!creation) return undefined;
    return {
      title: `Create ${creation.file} from the gocomply template`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: this.creationEdit(folder, creations),
    };
  }

  private fixAll(folder: FolderState, rel: string): CodeAction | undefined {
    const ofFile = folder.result?.diagnostics.filter((d) => d.file === rel) ?? [];
    const creations = this.creationsFor(folder, ofFile);
    if (creations.length === 0) return undefined;
    return {
      title: `Create the ${creations.length} missing required file${creations.length === 1 ? '' : 's'} from the gocomply templates`,
      kind: FIX_ALL_KIND,
      edit: this.creationEdit(folder, creations),
    };
  }

  /** The files the diagnostics ask for, per package, minus any that exist on disk or in the editor. */
  private creationsFor(folder: FolderState, diagnostics: EngineDiagnostic[]): FileCreation[] {
    const packages = folder.result?.analysis.packages.map((p) => p.model) ?? [];
    const byPackage = new Map<string, TemplateFile[]>();
    for (const d of diagnostics) {
      const target = missingFileTarget(d, packages);
      if (target) byPackage.set(target.packagePath, [...(byPackage.get(target.packagePath) ?? []), target.fileName]);
    }
    const creations: FileCreation[] = [];
    for (const [packagePath, fileNames] of byPackage) {
      const ctx = this.fixContext(folder, packagePath);
      if (ctx) creations.push(...planFileCreations(ctx, fileNames));
    }
    return creations.filter((c) => !existsSync(path.join(folder.root, c.file)) && !this.deps.documents.get(folder.uriOf(c.file)));
  }

  private fixContext(folder: FolderState, packagePath: string): PackageFixContext | undefined {
    const engine = folder.engine;
    const model = folder.result?.analysis.packages.find((p) => p.model.path === packagePath)?.model;
    if (!engine || !model) return undefined;
    let folderGoFiles: string[];
    try {
      const entries = readdirSync(path.join(folder.root, packagePath), { withFileTypes: true });
      folderGoFiles = entries.filter((e) => e.isFile() && e.name.endsWith('.go')).map((e) => joinRel(packagePath, e.name));
    } catch {
      return undefined; // the folder went away since the analysis
    }
    return {
      model,
      folderGoFiles,
      factsOf: (file) => engine.factsOf(file),
      module: moduleOf(packagePath, folder.modules()),
      metricNamePattern: engine.settings.metrics.namePattern,
    };
  }

  private creationEdit(folder: FolderState, creations: FileCreation[]): WorkspaceEdit {
    return {
      documentChanges: creations.flatMap((creation) => {
        const uri = folder.uriOf(creation.file);
        return [
          CreateFile.create(uri, { overwrite: false, ignoreIfExists: true }),
          TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, creation.content)]),
        ];
      }),
    };
  }
}
