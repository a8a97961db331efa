// The spec §10 JSON report from an analysis.
import type { ReportDiagnostic } from '../../../../common/schemas/entities';
import type { Notice, Report } from '../../../../common/schemas/report';
import { VERSION } from '../../../../common/version';
import type { EngineResult } from '../engine';
import { compareDiagnostics } from '../rules/diagnostics';
import type { EngineDiagnostic } from '../rules/finding';
import type { GoModule } from '../workspace/packages';
import { deepestFolderOf } from '../workspace/walk';

export interface ReportInputs {
  root: string;
  modules: GoModule[];
  result: EngineResult;
  notices: Notice[];
  generatedAt: Date;
}

export function toReportDiagnostic(d: EngineDiagnostic): ReportDiagnostic {
  return {
    rule: d.rule,
    severity: d.severity,
    file: d.file,
    range: {
      start: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
      end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
    },
    message: d.message,
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  };
}

/**
 * Report diagnostics in report order, per package path: the deepest package
 * whose folder holds the file (undefined for those outside every package).
 */
function diagnosticsByOwner(diagnostics: EngineDiagnostic[], packageDirs: Set<string>): Map<string | undefined, ReportDiagnostic[]> {
  const byOwner = new Map<string | undefined, ReportDiagnostic[]>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const owner = deepestFolderOf(d.file, (dir) => packageDirs.has(dir));
    const list = byOwner.get(owner);
    if (list) list.push(toReportDiagnostic(d));
    else byOwner.set(owner, [toReportDiagnostic(d)]);
  }
  return byOwner;
}

export function buildReport(inputs: ReportInputs): Report {
  const { analysis, diagnostics } = inputs.result;
  const byOwner = diagnosticsByOwner(diagnostics, new Set(analysis.packages.map((p) => p.model.path)));
  return {
    tool: 'gocomply',
    version: VERSION,
    generatedAt: inputs.generatedAt.toISOString(),
    workspace: inputs.root,
    modules: inputs.modules.map((m) => ({ path: m.dir === '' ? '.' : m.dir, modulePath: m.mod.modulePath })),
    spanStarters: analysis.spanStarters,
    notices: inputs.notices,
    diagnostics: byOwner.get(undefined) ?? [],
    packages: analysis.packages
      .map((p) => ({ ...p.model, diagnostics: byOwner.get(p.model.path) ?? [] }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}
