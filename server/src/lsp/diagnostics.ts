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

// Diagnostics are new objects on every analysis, but those of unchanged packages share their
// finding's range and strings: comparing them takes pointer checks.
function sameDiagnostic(a: EngineDiagnostic, b: EngineDiagnostic): boolean {
  return a.rule === b.rule && a.message === b.message && a.severity === b.severity && a.fix === b.fix && sameRange(a.range, b.range);
}

function sameInputs(previous: FileInputs | undefined, next: FileInputs): boolean {
  if (!previous || previous.version !== next.version || previous.owner !== next.owner) return false;
  const { diagnostics } = previous;
  if (diagnostics.length !== next.diagnostics.length) return false;
  return diagnostics.every((d, index) => {
    const other = next.diagnostics[index];
    return other !== undefined && sameDiagnostic(d, other);
  });
}

/** The folder's last analysis grouped per file, in the engine's order. */
function inputsPerFile(folder: FolderState): Map<string, FileInputs> {
  const perFile = new Map<string, FileInputs>();
  const result = folder.result;
  if (!result) return perFile;
  const models = new Map(result.analysis.packages.map((p) => [p.model.path, p.model]));
  for (const d of result.diagnostics) {
    let inputs = perFile.get(d.file);
    if (!inputs) {
      const ownerPath = deepestFolderOf(d.file, (dir) => models.has(dir));
      const owner = ownerPath === undefined ? undefined : models.get(ownerPath);
      inputs = { diagnostics: [], version: folder.analysedVersions.get(d.file) ?? null, owner };
      perFile.set(d.file, inputs);
    }
    inputs.diagnostics.push(d);
  }
  return perFile;
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
  readonly byUri = new Map<string, Diagnostic[]>();

  /** Takes the folder's last analysis in; returns the URIs whose diagnostics changed (those left without any included). */
  refresh(folder: FolderState): string[] {
    const next = inputsPerFile(folder);
    const changed: string[] = [];
    for (const [file, inputs] of next) {
      if (sameInputs(this.inputs.get(file), inputs)) continue;
      const uri = folder.uriOf(file);
      this.byUri.set(uri, toLspDiagnostics(inputs));
      changed.push(uri);
    }
    for (const file of this.inputs.keys()) {
      if (next.has(file)) continue;
      const uri = folder.uriOf(file);
      this.byUri.delete(uri);
      changed.push(uri);
    }
    this.inputs = next;
    return changed;
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
