// Engine diagnostics -> LSP diagnostics, published per file URI. Only files
// whose diagnostics changed are converted and republished; files that lost all
// of theirs are cleared. Diagnostics of every folder are merged per URI
// (nested folders).
import { DiagnosticSeverity, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { missingFileTarget } from '../engine/fixes/missingFile';
import type { PackageModel } from '../engine/model/package';
import { isRuleId, ruleDocUrl } from '../engine/rules/catalog';
import type { EngineDiagnostic, Severity } from '../engine/rules/finding';
import { deepestFolderOf, joinRel } from '../engine/workspace/walk';
import type { FolderState } from './folders';

export const DIAGNOSTIC_SOURCE = 'gocomply';

/** What a code action needs from a published diagnostic. */
export interface DiagnosticData {
  /** The document version the diagnostic was computed on; null when computed from the file on disk. */
  version: number | null;
  /** Workspace-relative path of the file the quick fix creates, for missing-file diagnostics. */
  createFile?: string;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: EngineDiagnostic, data: DiagnosticData): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITIES[d.severity],
    source: DIAGNOSTIC_SOURCE,
    code: d.rule,
    ...(isRuleId(d.rule) ? { codeDescription: { href: ruleDocUrl(d.rule) } } : {}),
    message: d.message,
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null || !('version' in value)) return false;
  return value.version === null || typeof value.version === 'number';
}

/** What a file's LSP diagnostics are made from: while all of it stays the same, so do they. */
interface FileInputs {
  diagnostics: EngineDiagnostic[];
  version: number | null;
  /** The deepest package holding the file, whose model a missing-file quick fix reads. */
  owner: PackageModel | undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a === b ||
    (a.start.line === b.start.line &&
      a.start.character === b.start.character &&
      a.end.line === b.end.line &&
      a.end.character === b.end.character)
  );
}

// Diagnostics of unchanged findings are the very objects of the previous analysis; others
// (a re-analysed package's) share their finding's range and strings: comparing them takes pointer checks.
function sameDiagnostic(a: EngineDiagnostic, b: EngineDiagnostic): boolean {
  return a === b || (a.rule === b.rule && a.message === b.message && a.severity === b.severity && a.fix === b.fix && sameRange(a.range, b.range));
}

function sameDiagnostics(a: EngineDiagnostic[], b: EngineDiagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === undefined || y === undefined || !sameDiagnostic(x, y)) return false;
  }
  return true;
}

function sameInputs(previous: FileInputs | undefined, next: FileInputs): boolean {
  return previous !== undefined && previous.version === next.version && previous.owner === next.owner && sameDiagnostics(previous.diagnostics, next.diagnostics);
}

/** The deepest package folder holding each file, remembered while the analysis has the same package folders. */
class OwnerPaths {
  private paths: string[] = [];
  private readonly byFile = new Map<string, string | undefined>();

  /** Takes the package folders of an analysis in; forgets every file's owner when they changed. True when they did not. */
  use(paths: string[]): boolean {
    if (paths.length === this.paths.length && paths.every((p, index) => p === this.paths[index])) return true;
    this.paths = paths;
    this.byFile.clear();
    return false;
  }

  ownerOf(file: string, isPackage: (dir: string) => boolean): string | undefined {
    if (this.byFile.has(file)) return this.byFile.get(file);
    const owner = deepestFolderOf(file, isPackage);
    this.byFile.set(file, owner);
    return owner;
  }
}

type Models = Map<string, PackageModel>;

function modelsOf(folder: FolderState): Models {
  return new Map((folder.result?.analysis.packages ?? []).map((p) => [p.model.path, p.model]));
}

/** The folder's last analysis grouped per file, in the engine's order; only the files in `only` when given. */
function inputsPerFile(folder: FolderState, owners: OwnerPaths, models: Models, only?: Set<string>): Map<string, FileInputs> {
  const perFile = new Map<string, FileInputs>();
  const isPackage = (dir: string) => models.has(dir);
  for (const d of folder.result?.diagnostics ?? []) {
    if (only && !only.has(d.file)) continue;
    let inputs = perFile.get(d.file);
    if (!inputs) {
      const ownerPath = owners.ownerOf(d.file, isPackage);
      const owner = ownerPath === undefined ? undefined : models.get(ownerPath);
      inputs = { diagnostics: [], version: folder.analysedVersions.get(d.file) ?? null, owner };
      perFile.set(d.file, inputs);
    }
    inputs.diagnostics.push(d);
  }
  return perFile;
}

/**
 * Adds the files of the diagnostics between the common head and tail (by
 * identity) of two analyses: every other file has the very same diagnostics.
 */
function addChangedWindow(before: EngineDiagnostic[], after: EngineDiagnostic[], files: Set<string>): void {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before[head] === after[head]) head += 1;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail += 1;
  for (let index = head; index < before.length - tail; index += 1) files.add(before[index]?.file ?? '');
  for (let index = head; index < after.length - tail; index += 1) files.add(after[index]?.file ?? '');
}

function toLspDiagnostics(inputs: FileInputs): Diagnostic[] {
  const owners = inputs.owner ? [inputs.owner] : [];
  return inputs.diagnostics.map((d) => {
    const target = missingFileTarget(d, owners);
    const data: DiagnosticData = {
      version: inputs.version,
      ...(target ? { createFile: joinRel(target.packagePath, target.fileName) } : {}),
    };
    return toLspDiagnostic(d, data);
  });
}

/**
 * One folder's diagnostics as LSP diagnostics per file URI. Each analysis is
 * compared file by file with the previous one on what the LSP diagnostics
 * are made from, so only files that changed are converted again.
 */
export class FolderDiagnostics {
  private inputs = new Map<string, FileInputs>();
  private readonly owners = new OwnerPaths();
  /** The analysis last taken in, to tell which files may have changed since. */
  private last: { diagnostics: EngineDiagnostic[]; models: Models } | undefined;
  /** Files whose inputs carry a document version: a version can change, or go, without a diagnostic changing. */
  private readonly versioned = new Set<string>();
  readonly byUri = new Map<string, Diagnostic[]>();

  /** Takes the folder's last analysis in; returns the URIs whose diagnostics changed (those left without any included). */
  refresh(folder: FolderState): string[] {
    const models = modelsOf(folder);
    const samePackages = this.owners.use([...models.keys()]);
    const diagnostics = folder.result?.diagnostics;
    const files = samePackages && diagnostics ? this.filesToCheck(folder, diagnostics, models) : undefined;
    this.last = diagnostics ? { diagnostics, models } : undefined;
    return files ? this.refreshFiles(folder, files, models) : this.refreshAll(folder, models);
  }

  /** Files whose inputs may differ from the last analysis: new or changed diagnostics, a document version, a re-analysed owner. */
  private filesToCheck(folder: FolderState, diagnostics: EngineDiagnostic[], models: Models): Set<string> | undefined {
    const last = this.last;
    if (!last) return undefined;
    const files = new Set<string>([...folder.analysedVersions.keys(), ...this.versioned]);
    addChangedWindow(last.diagnostics, diagnostics, files);
    const reanalysed = new Set([...models].flatMap(([dir, model]) => (last.models.get(dir) === model ? [] : [model.path])));
    if (reanalysed.size === 0) return files;
    for (const [file, inputs] of this.inputs) if (inputs.owner && reanalysed.has(inputs.owner.path)) files.add(file);
    return files;
  }

  private refreshFiles(folder: FolderState, files: Set<string>, models: Models): string[] {
    const next = inputsPerFile(folder, this.owners, models, files);
    const changed: string[] = [];
    for (const file of files) {
      const inputs = next.get(file);
      const previous = this.inputs.get(file);
      if (inputs) {
        this.take(file, inputs);
        if (!sameInputs(previous, inputs)) changed.push(this.convert(folder, file, inputs));
      } else if (previous) {
        this.drop(file);
        changed.push(this.clear(folder, file));
      }
    }
    return changed;
  }

  private refreshAll(folder: FolderState, models: Models): string[] {
    const next = inputsPerFile(folder, this.owners, models);
    const changed: string[] = [];
    for (const [file, inputs] of next) {
      if (sameInputs(this.inputs.get(file), inputs)) continue;
      changed.push(this.convert(folder, file, inputs));
    }
    for (const file of this.inputs.keys()) if (!next.has(file)) changed.push(this.clear(folder, file));
    this.inputs = new Map();
    this.versioned.clear();
    for (const [file, inputs] of next) this.take(file, inputs);
    return changed;
  }

  private take(file: string, inputs: FileInputs): void {
    this.inputs.set(file, inputs);
    if (inputs.version === null) this.versioned.delete(file);
    else this.versioned.add(file);
  }

  private drop(file: string): void {
    this.inputs.delete(file);
    this.versioned.delete(file);
  }

  private convert(folder: FolderState, file: string, inputs: FileInputs): string {
    const uri = folder.uriOf(file);
    this.byUri.set(uri, toLspDiagnostics(inputs));
    return uri;
  }

  private clear(folder: FolderState, file: string): string {
    const uri = folder.uriOf(file);
    this.byUri.delete(uri);
    return uri;
  }
}

export class DiagnosticsPublisher {
  private readonly perFolder = new Map<string, FolderDiagnostics>();
  /** What the client has, per URI, serialized for comparison. */
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** Takes a folder's last analysis in and publishes the files whose diagnostics changed. */
  publish(folder: FolderState): void {
    let diagnostics = this.perFolder.get(folder.uri);
    if (!diagnostics) {
      diagnostics = new FolderDiagnostics();
      this.perFolder.set(folder.uri, diagnostics);
    }
    for (const uri of diagnostics.refresh(folder)) this.publishIfChanged(uri);
  }

  /** Drops a removed folder's diagnostics, clearing them in the client. */
  remove(folderUri: string): void {
    const removed = this.perFolder.get(folderUri);
    this.perFolder.delete(folderUri);
    for (const uri of removed?.byUri.keys() ?? []) this.publishIfChanged(uri);
  }

  /** Sum over every folder's current diagnostics. */
  count(): number {
    let total = 0;
    for (const folder of this.perFolder.values()) for (const list of folder.byUri.values()) total += list.length;
    return total;
  }

  /** Diagnostics of every folder are merged per URI (nested folders). */
  private publishIfChanged(uri: string): void {
    const diagnostics = [...this.perFolder.values()].flatMap((folder) => folder.byUri.get(uri) ?? []);
    const serialized = JSON.stringify(diagnostics);
    if ((this.published.get(uri) ?? '[]') === serialized) return;
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, serialized);
    const versions = new Set(diagnostics.map((d) => (isDiagnosticData(d.data) ? d.data.version : null)));
    const [version] = versions;
    const params = { uri, diagnostics, ...(versions.size === 1 && typeof version === 'number' ? { version } : {}) };
    void this.connection.sendDiagnostics(params);
  }
}
