// The compliance tree as plain data: built from a `gocomply/tree` result with
// no VS Code import, so it can be unit-tested; tree.ts turns nodes into TreeItems.
import type { TreeFolder } from '../../common/protocol';

export type TreePackage = TreeFolder['packages'][number];

/** How a row reads at a glance; tree.ts maps it to a theme colour. */
export type Tone = 'pass' | 'warn' | 'fail' | 'info';

/** A file of a workspace folder; `line` is 1-based, absent to open the file at its top. */
export interface CodeLocation {
  folderUri: string;
  file: string;
  line?: number;
}

/** What a click on a row reveals. */
export type RevealTarget =
  | { kind: 'file'; location: CodeLocation }
  /** The package's anchor file, at its package clause (where package-level diagnostics sit). */
  | { kind: 'anchor'; folderUri: string; packagePath: string; packageName: string }
  | { kind: 'folder'; folderUri: string; path: string };

/** What a row's state commands (start alignment, mark verified, plan provider) apply to. */
export interface StateSubject {
  folderUri: string;
  /** The package's workspace-relative path (PackageCompliance.path). */
  packagePath: string;
  /** Set on a missing provider's row: the provider to plan. */
  providerName?: string;
}

export interface ComplianceNode {
  /** Stable across refreshes: built from folder URI, package path and the row's role. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Codicon id. */
  icon: string;
  tone?: Tone;
  /** Drives the context menus (package.json `view/item/context`). */
  contextValue: string;
  target?: RevealTarget;
  subject?: StateSubject;
  children: ComplianceNode[];
  expanded?: boolean;
  /** Set on package rows: false when the package is not FULL (the filter keeps those). */
  compliant?: boolean;
}

/** A row as VS Code hands it back to a command of its context menu. */
export function isComplianceNode(value: unknown): value is ComplianceNode {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'children' in value && Array.isArray(value.children);
}

export interface NodeSpec {
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  tone?: Tone;
  contextValue?: string;
  target?: RevealTarget;
  subject?: StateSubject;
  children?: ComplianceNode[];
  expanded?: boolean;
}

/** A node whose id extends its parent's, so ids stay unique and stable. */
export function node(parentId: string, key: string, spec: NodeSpec): ComplianceNode {
  return { ...spec, id: `${parentId}/${key}`, contextValue: spec.contextValue ?? 'detail', children: spec.children ?? [] };
}

/** A yes/no check row: pass icon when met, `missTone` (fail by default) otherwise. */
export function check(parentId: string, key: string, label: string, met: boolean, missTone: Tone = 'fail'): ComplianceNode {
  return node(parentId, key, {
    label,
    icon: met ? 'pass' : missTone === 'info' ? 'circle-large-outline' : 'close',
    tone: met ? 'pass' : missTone,
    description: met ? 'yes' : 'no',
  });
}

const STATUS_TONES: Record<string, Tone> = {
  FULL: 'pass',
  COMPLETE: 'pass',
  COMPLIANT: 'pass',
  VERIFIED: 'pass',
  PARTIAL: 'warn',
  IN_PROGRESS: 'warn',
  PLANNED: 'info',
  NOT_STARTED: 'info',
  NOT_SUPPORTED: 'info',
};

/** Any status of the data model; the lowest values (MISSING, INSUFFICIENT, NON_COMPLIANT) read as fail. */
export function statusTone(status: string): Tone {
  return STATUS_TONES[status] ?? 'fail';
}

const TONE_ICONS: Record<Tone, string> = { pass: 'pass-filled', warn: 'warning', fail: 'error', info: 'info' };

export function statusIcon(status: string): string {
  return TONE_ICONS[statusTone(status)];
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `file` (workspace-folder relative) below the package folder `packagePath`. */
export function relativeToPackage(packagePath: string, file: string): string {
  if (packagePath === '.' || packagePath === '') return file;
  return file.startsWith(`${packagePath}/`) ? file.slice(packagePath.length + 1) : file;
}
