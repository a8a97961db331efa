// Findings -> diagnostics: severities from the catalogue and the `rules`
// setting, `//gocomply:ignore <rule-id> <reason>` on or above the line.
import type { Settings } from '../../../../common/schemas/settings';
import type { FileFacts } from '../facts/types';
import { ruleById } from './catalog';
import type { EngineDiagnostic, Finding } from './finding';

function isIgnored(finding: Finding, facts: FileFacts | undefined): boolean {
  const line = finding.range.start.line;
  return (facts?.comments ?? []).some(
    (c) => c.kind === 'ignore' && c.ruleId === finding.rule && (c.range.start.line === line || c.range.start.line === line - 1),
  );
}

export function toDiagnostics(
  findings: Finding[],
  settings: Settings,
  factsOf: (file: string) => FileFacts | undefined,
): EngineDiagnostic[] {
  const diagnostics: EngineDiagnostic[] = [];
  for (const finding of findings) {
    const severity = settings.rules[finding.rule] ?? ruleById(finding.rule)?.defaultSeverity ?? 'warning';
    if (severity === 'off' || isIgnored(finding, factsOf(finding.file))) continue;
    diagnostics.push({ ...finding, severity });
  }
  return diagnostics;
}

export function compareDiagnostics(a: EngineDiagnostic, b: EngineDiagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.rule.localeCompare(b.rule)
  );
}
