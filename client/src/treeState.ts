// Context values of the rows that carry state commands. They encode the
// package's completionStatus so that package.json `when` clauses (viewItem =~
// regex) offer only the transitions that can apply from it.
import type { TreePackage } from './treeNode';

type CompletionStatus = TreePackage['completionStatus'];

const COMPLETION_CONTEXT: Record<CompletionStatus, string> = {
  NOT_STARTED: 'notStarted',
  IN_PROGRESS: 'inProgress',
  COMPLETE: 'complete',
  VERIFIED: 'verified',
};

/** `package.<completion>`, with `.multiProvider` where providers can be planned: `package.notStarted.multiProvider`. */
export function packageContextValue(pkg: Pick<TreePackage, 'completionStatus' | 'packageStructure'>): string {
  const base = `package.${COMPLETION_CONTEXT[pkg.completionStatus]}`;
  return pkg.packageStructure.multiProvider ? `${base}.multiProvider` : base;
}

/** The package's Status row: `status.<completion>`. */
export function statusContextValue(pkg: Pick<TreePackage, 'completionStatus'>): string {
  return `status.${COMPLETION_CONTEXT[pkg.completionStatus]}`;
}

/** True for the context value of a package row, whatever its status. */
export function isPackageContextValue(contextValue: string): boolean {
  return contextValue.startsWith('package.');
}

type LifecycleStatus = TreePackage['providers'][number]['status'];

const LIFECYCLE_CONTEXT: Record<LifecycleStatus, string> = {
  PLANNED: 'planned',
  IN_PROGRESS: 'inProgress',
  COMPLETE: 'complete',
  VERIFIED: 'verified',
};

/** A provider row: `provider.<lifecycle>`, so the menus offer Start on PLANNED and Mark Verified on COMPLETE. */
export function providerContextValue(status: LifecycleStatus): string {
  return `provider.${LIFECYCLE_CONTEXT[status]}`;
}

/** The Multimodal row: `area.multimodal.<lifecycle>`, or `area.multimodal.none` before any capability is planned. */
export function multimodalContextValue(status: LifecycleStatus | undefined): string {
  return `area.multimodal.${status === undefined ? 'none' : LIFECYCLE_CONTEXT[status]}`;
}
