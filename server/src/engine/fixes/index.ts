// The quick fixes of spec §9, by rule: each takes the diagnostic and what the
// workspace knows, and returns the plans it offers (none when it cannot write
// correct Go for this case). Creations of files that exist are dropped here,
// so no fix can overwrite one.
import type { EngineDiagnostic } from '../rules/finding';
import { codeFixers } from './codeFixers';
import { spanFixers } from './span';
import { missingFileTarget, planFileCreations } from './missingFile';
import { packageFixContext } from './packageContext';
import type { FixWorkspace, PlannedFix } from './plan';
import type { TemplateFile } from './templates';

export type DiagnosticFixer = (diagnostic: EngineDiagnostic, ws: FixWorkspace) => PlannedFix[];

export { packageFixContext };

/** Plans creating the missing required files `fileNames` of one package. */
export function createFilesPlans(ws: FixWorkspace, packagePath: string, fileNames: TemplateFile[]): PlannedFix[] {
  const ctx = packageFixContext(ws, packagePath);
  if (!ctx) return [];
  return planFileCreations(ctx, fileNames).map((c) => ({
    title: `Create ${c.file} from the gocomply template`,
    changes: [],
    creations: [{ file: c.file, content: c.content }],
    safe: true,
  }));
}

const createMissingFile: DiagnosticFixer = (d, ws) => {
  const target = missingFileTarget(d, ws.packages);
  return target ? createFilesPlans(ws, target.packagePath, [target.fileName]) : [];
};

const FIXERS: Record<string, DiagnosticFixer[]> = {
  'structure/missing-file': [createMissingFile],
  'otel/missing-metrics': [createMissingFile],
  ...codeFixers,
  ...spanFixers,
};

/** The fixers of one rule. */
export function fixersOf(rule: string): DiagnosticFixer[] {
  return FIXERS[rule] ?? [];
}

/** Drops plans that would create a file that exists, and plans with nothing to do. */
export function withoutOverwrites(plans: PlannedFix[], ws: FixWorkspace): PlannedFix[] {
  return plans
    .filter((plan) => plan.creations.every((c) => !ws.exists(c.file)))
    .filter((plan) => plan.creations.length > 0 || plan.changes.some((c) => c.changes.length > 0));
}

export function diagnosticFixes(d: EngineDiagnostic, ws: FixWorkspace): PlannedFix[] {
  return withoutOverwrites(
    fixersOf(d.rule).flatMap((fixer) => fixer(d, ws)),
    ws,
  );
}


/** Every missing file the diagnostics ask for, planned per package at once (advanced_test.go then uses the mock test_utils.go brings). */
function missingFilePlans(diagnostics: EngineDiagnostic[], ws: FixWorkspace): PlannedFix[] {
  const byPackage = new Map<string, TemplateFile[]>();
  for (const d of diagnostics) {
    const target = missingFileTarget(d, ws.packages);
    if (target) byPackage.set(target.packagePath, [...(byPackage.get(target.packagePath) ?? []), target.fileName]);
  }
  return [...byPackage].flatMap(([packagePath, fileNames]) => createFilesPlans(ws, packagePath, fileNames));
}

/** The safe fixes of `diagnostics`, one plan per title, for "fix all" and "align package". */
export function safeFixes(diagnostics: EngineDiagnostic[], ws: FixWorkspace): PlannedFix[] {
  const others = diagnostics.filter((d) => !missingFileTarget(d, ws.packages));
  const plans = [...missingFilePlans(diagnostics, ws), ...others.flatMap((d) => fixersOf(d.rule).flatMap((fixer) => fixer(d, ws)))];
  const safe = withoutOverwrites(plans, ws).filter((p) => p.safe);
  return [...new Map(safe.map((p) => [p.title, p])).values()];
}
