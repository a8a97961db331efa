// Engine diagnostics -> LSP diagnostics, published per file URI. Only files
// whose diagnostics changed are republished; files that lost all of theirs are
// cleared. Diagnostics of every folder are merged per URI (nested folders).
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { missingFileTarget } from '../engine/fixes/missingFile';
import { isRuleId, ruleDocUrl } from '../engine/rules/catalog';
import type { EngineDiagnostic, Severity } from '../engine/rules/finding';
import { joinRel } from '../engine/workspace/walk';
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

/** The folder's last analysis as LSP diagnostics, keyed by file URI. */
export function folderDiagnostics(folder: FolderState): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  const result = folder.result;
  if (!result) return byUri;
  const packages = result.analysis.packages.map((p) => p.model);
  for (const d of result.diagnostics) {
    const target = missingFileTarget(d, packages);
    const data: DiagnosticData = {
      version: folder.analysedVersions.get(d.file) ?? null,
      ...(target ? { createFile: joinRel(target.packagePath, target.fileName) } : {}),
    };
    const uri = folder.uriOf(d.file);
    byUri.set(uri, [...(byUri.get(uri) ?? []), toLspDiagnostic(d, data)]);
  }
  return byUri;
}

export class DiagnosticsPublisher {
  private readonly perFolder = new Map<string, Map<string, Diagnostic[]>>();
  /** What the client has, per URI, serialized for comparison. */
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** Replaces a folder's diagnostics (none when `byUri` is undefined) and publishes what changed. */
  update(folderUri: string, byUri: Map<string, Diagnostic[]> | undefined): void {
    const touched = new Set<string>([...(this.perFolder.get(folderUri)?.keys() ?? []), ...(byUri?.keys() ?? [])]);
    if (byUri) this.perFolder.set(folderUri, byUri);
    else this.perFolder.delete(folderUri);
    for (const uri of touched) this.publishIfChanged(uri);
  }

  /** Sum over every folder's current diagnostics. */
  count(): number {
    let total = 0;
    for (const byUri of this.perFolder.values()) for (const list of byUri.values()) total += list.length;
    return total;
  }

  private publishIfChanged(uri: string): void {
    const diagnostics = [...this.perFolder.values()].flatMap((byUri) => byUri.get(uri) ?? []);
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
