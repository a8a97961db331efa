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

/** What a finding became the last time: kept while the settings and its file's facts stay the same objects. */
interface Outcome {
  settings: Settings;
  facts: FileFacts | undefined;
  /** Undefined when the finding is off or ignored. */
  diagnostic: EngineDiagnostic | undefined;
}

/**
 * Packages the analysis memo replays keep their finding objects, so an edit
 * finishes only the new ones; a replayed diagnostic is the same object as
 * before, which also lets the language server compare it by identity.
 */
const outcomes = new WeakMap<Finding, Outcome>();

function finish(finding: Finding, settings: Settings, facts: FileFacts | undefined): EngineDiagnostic | undefined {
  const severity = settings.rules[finding.rule] ?? ruleById(finding.rule)?.defaultSeverity ?? 'warning';
  if (severity === 'off' || isIgnored(finding, facts)) return undefined;
  return { ...finding, severity };
}

function outcomeOf(finding: Finding, settings: Settings, facts: FileFacts | undefined): EngineDiagnostic | undefined {
  const last = outcomes.get(finding);
  if (last && last.settings === settings && last.facts === facts) return last.diagnostic;
  const diagnostic = finish(finding, settings, facts);
  outcomes.set(finding, { settings, facts, diagnostic });
  return diagnostic;
}

export function toDiagnostics(
  findings: Finding[],
  settings: Settings,
  factsOf: (file: string) => FileFacts | undefined,
): EngineDiagnostic[] {
  const diagnostics: EngineDiagnostic[] = [];
  for (const finding of findings) {
    const diagnostic = outcomeOf(finding, settings, factsOf(finding.file));
    if (diagnostic) diagnostics.push(diagnostic);
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
