// "Align package": the contract's AddOTELObservability +
// StandardizePackageStructure + EnhanceTesting for one package, as one plan —
// the missing required files, iface/, spans on every untraced method, a
// benchmark skeleton, and every safe fix of the package's diagnostics. Each
// part is the same planner its quick fix uses; parts that would overlap an
// earlier one wait for the next run.
import type { EngineDiagnostic } from '../rules/finding';
import { isWithin } from '../workspace/walk';
import { benchmarkPlan, ifaceMovePlan } from './codeFixers';
import { combinePlans } from './combine';
import { createFilesPlans, safeFixes } from './index';
import { ownerPackage } from './missingFile';
import type { FixWorkspace, PlannedFix } from './plan';
import { addSpansToPackagePlan } from './span';
import { isTemplateFile } from './templates';

/** The diagnostics of the package itself (not of packages nested in its folder). */
export function packageDiagnostics(ws: FixWorkspace, packagePath: string, diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  return diagnostics.filter((d) => isWithin(d.file, packagePath) && ownerPackage(d.file, ws.packages)?.path === packagePath);
}

export function alignPackagePlan(ws: FixWorkspace, packagePath: string, diagnostics: EngineDiagnostic[]): PlannedFix | { refused: string } {
  const model = ws.packages.find((p) => p.path === packagePath);
  if (!model) return { refused: `There is no framework package at "${packagePath}".` };
  const missing = model.packageStructure.missingFiles.filter(isTemplateFile);
  const parts = [
    ...createFilesPlans(ws, packagePath, missing),
    ifaceMovePlan(ws, packagePath),
    addSpansToPackagePlan(ws, packagePath),
    // EnhanceTesting: benchmarks for a package that has none; one that has some chose its own.
    model.testingCoverage.hasBenchmarks ? undefined : benchmarkPlan(ws, packagePath),
    ...safeFixes(packageDiagnostics(ws, packagePath, diagnostics), ws),
  ].filter((part): part is PlannedFix => part !== undefined);
  const plan = combinePlans(`Align ${packagePath} with the framework standard`, parts, ws);
  if (plan.creations.length === 0 && plan.changes.length === 0) return { refused: `${packagePath} has nothing gocomply can fix by itself.` };
  return plan;
}
