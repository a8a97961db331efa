// Breaking API changes as `compat/breaking-change` findings, and the per-package
// summary that fills MultimodalCapability.backwardCompatibility (spec §6, §7).
import type { FileFacts, Range } from '../facts/types';
import { FILE_START, type Finding } from '../rules/finding';
import { isApiFile } from './api';
import type { ApiChange } from './diff';

export const BREAKING_CHANGE_RULE = 'compat/breaking-change';

/** An API change in one Go package (folder) of a framework package. */
export interface PackageApiChange extends ApiChange {
  /** Workspace-relative folder of the Go package the change is in. */
  dir: string;
}

export interface PackageAnchor {
  /** Workspace-relative file. */
  file: string;
  /** Usually the anchor file's package clause. */
  range: Range;
}

export interface CompatSummary {
  /** Messages of the breaking changes, in the order found. */
  breakingChanges: string[];
  /** False when a breaking change touches an API taking or returning text messages, documents or prompts. */
  textOnlyWorkflowsSupported: boolean;
}

/**
 * One finding per breaking change: on the current declaration (for a removed
 * member, its type), else on the package's anchor. Without an anchor a gone
 * declaration has nowhere to be shown and only appears in the summary.
 */
export function compatFindings(changes: ApiChange[], anchor: PackageAnchor | undefined): Finding[] {
  return changes.flatMap((change) => {
    if (!change.breaking) return [];
    const place = change.at ?? anchor;
    if (!place) return [];
    return [{ rule: BREAKING_CHANGE_RULE, file: place.file, range: place.range, message: change.message }];
  });
}

export function compatSummary(changes: ApiChange[]): CompatSummary {
  const breaking = changes.filter((change) => change.breaking);
  return {
    breakingChanges: breaking.map((change) => change.message),
    textOnlyWorkflowsSupported: !breaking.some((change) => change.touchesText),
  };
}

/** The anchor when the engine gave none: the first production file (else the first file), at its package clause. */
export function fallbackAnchor(files: [string, FileFacts][]): PackageAnchor | undefined {
  const sorted = [...files].sort(([a], [b]) => a.localeCompare(b));
  const first = sorted.find(([rel, facts]) => isApiFile(rel, facts)) ?? sorted[0];
  if (!first) return undefined;
  const [file, facts] = first;
  return { file, range: facts.packageClauseRange ?? FILE_START };
}
