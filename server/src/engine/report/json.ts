// The spec §10 JSON report from an analysis.
import type { ReportDiagnostic } from '../../../../common/schemas/entities';
import type { Notice, Report } from '../../../../common/schemas/report';
import { VERSION } from '../../../../common/version';
import type { EngineResult } from '../engine';
import { compareDiagnostics } from '../rules/diagnostics';
import type { EngineDiagnostic } from '../rules/finding';
import type { GoModule } from '../workspace/packages';
import { isWithin } from '../workspace/walk';

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

/** Each diagnostic goes to the deepest package whose folder holds its file. */
function ownerOf(file: string, packageDirs: string[]): string | undefined {
  return packageDirs.find((dir) => isWithin(file, dir));
}

export function buildReport(inputs: ReportInputs): Report {
  const { analysis, diagnostics } = inputs.result;
  const dirs = analysis.packages.map((p) => p.model.path).sort((a, b) => b.length - a.length);
  const byPackage = new Map<string, ReportDiagnostic[]>();
  const workspaceDiagnostics: ReportDiagnostic[] = [];
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const owner = ownerOf(d.file, dirs);
    if (owner === undefined) workspaceDiagnostics.push(toReportDiagnostic(d));
    else byPackage.set(owner, [...(byPackage.get(owner) ?? []), toReportDiagnostic(d)]);
  }
  return {
    tool: 'gocomply',
    version: VERSION,
    generatedAt: inputs.generatedAt.toISOString(),
    workspace: inputs.root,
    modules: inputs.modules.map((m) => ({ path: m.dir === '' ? '.' : m.dir, modulePath: m.mod.modulePath })),
    spanStarters: analysis.spanStarters,
    notices: inputs.notices,
    diagnostics: workspaceDiagnostics,
    packages: analysis.packages
      .map((p) => ({ ...p.model, diagnostics: byPackage.get(p.model.path) ?? [] }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}
