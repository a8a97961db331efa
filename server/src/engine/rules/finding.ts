// A finding is a rule violation before severity settings and ignore comments
// are applied; a diagnostic is what survives them, with its severity.
import type { Range } from '../facts/types';

export type Severity = 'hint' | 'info' | 'warning' | 'error';

export interface Finding {
  rule: string;
  /** Workspace-relative path, forward slashes. */
  file: string;
  range: Range;
  message: string;
  /** What the quick fix does, when there is one. */
  fix?: string;
}

export interface EngineDiagnostic extends Finding {
  severity: Severity;
}

export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
