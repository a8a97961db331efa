// "Align package": the contract's AddOTELObservability +
// StandardizePackageStructure + EnhanceTesting for one package, as one plan —
// the missing required files, iface/, spans on every untraced method, a
// benchmark skeleton, and every safe fix of the package's diagnostics. Each
// part is the same planner its quick fix uses; parts that would overlap an
// earlier one wait for the next run. Each part is a group of the refactor
// preview.
import type { EngineDiagnostic } from '../rules/finding';
import { isWithin } from '../workspace/walk';
import { benchmarkPlan, ifaceMovePlan } from './codeFixers';
import { combinePlans } from './combine';
import { createFilesPlans, safeFixes } from './index';
import { ownerPackage } from './missingFile';
import type { ChangeGroup, FixWorkspace, PlannedFix } from './plan';
import { addSpansToPackagePlan } from './span';
import { isTemplateFile } from './templates';

/** The diagnostics of the package itself (not of packages nested in its folder). */
export function packageDiagnostics(ws: FixWorkspace, packagePath: string, diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  return diagnostics.filter((d) => isWithin(d.file, packagePath) && ownerPackage(d.file, ws.packages)?.path === packagePath);
}

function inGroup(plan: PlannedFix | undefined, group: string): PlannedFix | undefined {
  return plan && { ...plan, group };
}

/**
 * Refactors (iface/, spans on many methods) start unticked in VS Code's
 * refactor preview, everything else ticked. A preview only opens when some
 * change needs confirmation, so a plan with no refactor asks for all of it.
 */
function confirmedSomewhere(plan: PlannedFix): PlannedFix {
  const groups = [...plan.creations, ...plan.changes.flatMap((c) => c.changes)].map((c) => c.group);
  if (groups.some((g) => g?.needsConfirmation)) return plan;
  const confirm = <T extends { group?: ChangeGroup }>(c: T): T => (c.group ? { ...c, group: { ...c.group, needsConfirmation: true } } : c);
  return {
    ...plan,
    creations: plan.creations.map(confirm),
    changes: plan.changes.map((f) => ({ ...f, changes: f.changes.map(confirm) })),
  };
}

export function alignPackagePlan(ws: FixWorkspace, packagePath: string, diagnostics: EngineDiagnostic[]): PlannedFix | { refused: string } {
  const model = ws.packages.find((p) => p.path === packagePath);
  if (!model) return { refused: `There is no framework package at "${packagePath}".` };
  const missing = model.packageStructure.missingFiles.filter(isTemplateFile);
  const parts = [
    ...createFilesPlans(ws, packagePath, missing).map((p) => inGroup(p, 'Create the missing required files')),
    inGroup(ifaceMovePlan(ws, packagePath), 'Move exported interfaces to iface/'),
    inGroup(addSpansToPackagePlan(ws, packagePath), 'Start a span in every untraced method'),
    // EnhanceTesting: benchmarks for a package that has none; one that has some chose its own.
    model.testingCoverage.hasBenchmarks ? undefined : inGroup(benchmarkPlan(ws, packagePath), 'Add benchmark skeletons'),
    ...safeFixes(packageDiagnostics(ws, packagePath, diagnostics), ws).map((p) => inGroup(p, 'Fix the package\'s other findings')),
  ].filter((part): part is PlannedFix => part !== undefined);
  const plan = combinePlans(`Align ${packagePath} with the framework standard`, parts, ws, true);
  if (plan.creations.length === 0 && plan.changes.length === 0) return { refused: `${packagePath} has nothing gocomply can fix by itself.` };
  return confirmedSomewhere(plan);
}
