// The tracing quick fixes of spec §9: "Add a span to <Type>.<Method>" and
// "Add spans to all N untraced methods of <package>" on `otel/untraced-method`,
// "Add defer span.End()" on `otel/span-not-ended`. Pure: facts and text come
// from the FixWorkspace. Several methods' edits of one file share one import
// change, so the all-methods plan never adds an import twice.
import type { FuncFact } from '../facts/types';
import type { PackageModel } from '../model/package';
import type { EngineDiagnostic } from '../rules/finding';
import { importChanges, type WantedImport } from './goImports';
import type { DiagnosticFixer } from './index';
import { ownerPackage } from './missingFile';
import { mergePlans, type FixWorkspace, type PlannedFix, type TextChange } from './plan';
import { deferEndPlans } from './spanDefer';
import { methodSpanEdit, type MethodEdit } from './spanMethod';
import { funcNamedAt } from './spanSite';

const UNTRACED = 'otel/untraced-method';

/** One plan for `edits`: each file's changes, with its missing imports added once. */
function planOf(ws: FixWorkspace, title: string, edits: MethodEdit[], safe: boolean): PlannedFix {
  const byFile = new Map<string, { changes: TextChange[]; imports: WantedImport[] }>();
  for (const edit of edits) {
    const entry = byFile.get(edit.file) ?? { changes: [], imports: [] };
    entry.changes.push(...edit.changes);
    entry.imports.push(...edit.imports);
    byFile.set(edit.file, entry);
  }
  const perFile = [...byFile].map(([file, { changes, imports }]): PlannedFix => {
    const text = ws.textOf(file) ?? '';
    return { title, changes: [{ file, changes: [...importChanges(text, imports), ...changes] }], creations: [], safe };
  });
  return { ...mergePlans(title, perFile), safe };
}

/** `//gocomply:ignore otel/untraced-method` on or above the method's name line. */
function ignored(ws: FixWorkspace, file: string, func: FuncFact): boolean {
  const line = func.nameRange.start.line;
  return (ws.factsOf(file)?.comments ?? []).some(
    (c) => c.kind === 'ignore' && c.ruleId === UNTRACED && (c.range.start.line === line || c.range.start.line === line - 1),
  );
}

/** Edits for every untraced method of the package that can get a span. */
function packageEdits(ws: FixWorkspace, pkg: PackageModel): MethodEdit[] {
  const edits: MethodEdit[] = [];
  for (const method of pkg.observability.tracingIntegration.methods) {
    if (method.traced) continue;
    const func = ws.factsOf(method.file)?.funcs.find(
      (f) => f.nameRange.start.line + 1 === method.line && (f.receiverType === undefined ? f.name : `${f.receiverType}.${f.name}`) === method.name,
    );
    const edit = func && !ignored(ws, method.file, func) ? methodSpanEdit(ws, method.file, func, pkg) : undefined;
    if (edit) edits.push(edit);
  }
  return edits;
}

const allTitle = (edits: MethodEdit[], pkg: PackageModel): string =>
  edits.length === 1 ? `Add a span to ${edits[0]?.name ?? ''}` : `Add spans to all ${edits.length} untraced methods of ${pkg.packageName}`;

/** Spans for every untraced method of the package at `packagePath` (the "align package" command); undefined when none can be added. */
export function addSpansToPackagePlan(ws: FixWorkspace, packagePath: string): PlannedFix | undefined {
  const pkg = ws.packages.find((p) => p.path === packagePath);
  const edits = pkg ? packageEdits(ws, pkg) : [];
  return pkg && edits.length > 0 ? planOf(ws, allTitle(edits, pkg), edits, false) : undefined;
}

const addSpan: DiagnosticFixer = (d: EngineDiagnostic, ws: FixWorkspace) => {
  const pkg = ownerPackage(d.file, ws.packages);
  const func = funcNamedAt(ws, d.file, d.range);
  if (!pkg || !func) return [];
  const plans: PlannedFix[] = [];
  const own = methodSpanEdit(ws, d.file, func, pkg);
  if (own) plans.push(planOf(ws, `Add a span to ${own.name}`, [own], true));
  const all = packageEdits(ws, pkg);
  if (all.length > 1) plans.push(planOf(ws, allTitle(all, pkg), all, false));
  return plans;
};

export const spanFixers: Record<string, DiagnosticFixer[]> = {
  [UNTRACED]: [addSpan],
  'otel/span-not-ended': [deferEndPlans],
};
