// SARIF 2.1.0 (spec §10), for code-scanning upload: one run, the rule
// catalogue as the driver's rules, one result per diagnostic (workspace-wide
// ones, then each package's) in report order.
import { pathToFileURL } from 'node:url';
import type { ReportDiagnostic } from '../../../../common/schemas/entities';
import type { Report } from '../../../../common/schemas/report';
import { RULES, ruleDocUrl, type DefaultSeverity, type Rule } from '../rules/catalog';

export const SARIF_SCHEMA_URL = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/gocomply/gocomply';
const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

interface SarifMessage {
  text: string;
}

export interface SarifReportingDescriptor {
  id: string;
  shortDescription: SarifMessage;
  fullDescription?: SarifMessage;
  helpUri?: string;
  help?: SarifMessage;
  defaultConfiguration?: { level: SarifLevel };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifReportingDescriptor[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

const LEVEL_OF: Record<DefaultSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function catalogueDescriptor(rule: Rule): SarifReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.description} ${rule.fix}` },
    helpUri: ruleDocUrl(rule.id),
    help: { text: rule.fix },
    defaultConfiguration: { level: LEVEL_OF[rule.defaultSeverity] },
  };
}

/** Workspace-wide diagnostics first, then each package's, in report order. */
export function allDiagnostics(report: Report): ReportDiagnostic[] {
  return [...report.diagnostics, ...report.packages.flatMap((pkg) => pkg.diagnostics)];
}

/** The catalogue's rules, then any rule id the report uses that the catalogue lacks, so every result resolves. */
function driverRules(diagnostics: readonly ReportDiagnostic[]): SarifReportingDescriptor[] {
  const rules = RULES.map(catalogueDescriptor);
  const known = new Set(rules.map((rule) => rule.id));
  for (const diagnostic of diagnostics) {
    if (known.has(diagnostic.rule)) continue;
    known.add(diagnostic.rule);
    rules.push({ id: diagnostic.rule, shortDescription: { text: diagnostic.rule } });
  }
  return rules;
}

/** A workspace-relative path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function artifactUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** `file:` URI of the workspace folder, with the trailing slash SARIF needs to resolve relative URIs against it. */
export function srcRootUri(workspace: string): string {
  const href = pathToFileURL(workspace).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function toResult(diagnostic: ReportDiagnostic, ruleIndex: ReadonlyMap<string, number>): SarifResult {
  const { start, end } = diagnostic.range;
  return {
    ruleId: diagnostic.rule,
    ruleIndex: ruleIndex.get(diagnostic.rule) ?? -1,
    level: LEVEL_OF[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(diagnostic.file), uriBaseId: SRCROOT },
          // Report ranges are 1-based with an exclusive end, as SARIF's regions are.
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
        },
      },
    ],
  };
}

export function renderSarif(report: Report): SarifLog {
  const diagnostics = allDiagnostics(report);
  const rules = driverRules(diagnostics);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = diagnostics.map((d) => toResult(d, ruleIndex));
  return {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gocomply', version: report.version, informationUri: TOOL_INFORMATION_URI, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(report.workspace) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
