import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { ReportDiagnostic } from '../../common/schemas/entities';
import { codeSpan, escapeMarkdown, renderMarkdown } from '../../server/src/engine/report/markdown';
import { artifactUri, renderSarif } from '../../server/src/engine/report/sarif';
import { RULES, ruleDocUrl } from '../../server/src/engine/rules/catalog';
import { PLACEHOLDER_MESSAGE, configDiagnostic, llmsPackage, sampleReport, sttPackage } from './helpers/sampleReport';

/** Groups of consecutive lines that start with `|`. */
function tablesOf(markdown: string): string[][] {
  const tables: string[][] = [];
  let previousWasRow = false;
  for (const line of markdown.split('\n')) {
    const isRow = line.startsWith('|');
    if (isRow && !previousWasRow) tables.push([]);
    if (isRow) tables[tables.length - 1]?.push(line);
    previousWasRow = isRow;
  }
  return tables;
}

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
function cellCount(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}

function diagnostic(severity: ReportDiagnostic['severity'], rule: string, file = 'pkg/llms/llms.go'): ReportDiagnostic {
  return { rule, severity, file, range: { start: { line: 3, column: 5 }, end: { line: 4, column: 9 } }, message: `${severity} finding` };
}

describe('renderMarkdown', () => {
  const report = sampleReport();
  const markdown = renderMarkdown(report);

  it('has a summary row and a section for every package', () => {
    for (const pkg of report.packages) {
      assert.ok(markdown.includes(`\n## Package ${escapeMarkdown(pkg.packageName)}\n`), pkg.packageName);
      const anchor = markdown.match(new RegExp(`\\[${pkg.packageName.replace('/', '\\/')}\\]\\(#([a-z0-9-]+)\\)`));
      assert.ok(anchor?.[1], `summary links ${pkg.packageName}`);
      assert.ok(markdown.includes(`<a id="${anchor[1]}"></a>`), `anchor for ${pkg.packageName}`);
    }
  });

  it('gives every row of a table the header\'s column count, with a separator row', () => {
    const tables = tablesOf(markdown);
    assert.ok(tables.length >= 5, 'summary, metrics, providers, registrations, diagnostics');
    for (const rows of tables) {
      const [header = '', separator = ''] = rows;
      assert.match(separator, /^\| ---( \| ---)* \|$/);
      for (const row of rows) assert.equal(cellCount(row), cellCount(header), row);
    }
  });

  it('escapes a | in a diagnostic message', () => {
    assert.ok(PLACEHOLDER_MESSAGE.includes('a|b'));
    assert.ok(markdown.includes('a\\|b'));
    assert.ok(!markdown.includes('a|b'));
  });

  it('escapes a | inside a code cell', () => {
    const pkg = llmsPackage();
    const metric = pkg.observability.metricsIntegration.metricDefinitions[0];
    assert.ok(metric);
    metric.unit = '{a|b}';
    const rendered = renderMarkdown(sampleReport([pkg]));
    const row = rendered.split('\n').find((line) => line.includes('{a'));
    assert.equal(row, '| `llms.requests` | counter | `{a\\|b}` | `pkg/llms/metrics.go:20` |');
  });

  it('checks off present files and lists missing ones', () => {
    const stt = markdown.slice(markdown.indexOf('## Package voice/stt'));
    assert.ok(stt.includes('- [x] `config.go`\n'));
    for (const file of sttPackage().packageStructure.missingFiles) assert.ok(stt.includes(`- [ ] \`${file}\`: missing`), file);
  });

  it('names a required file found outside the package folder', () => {
    const pkg = llmsPackage();
    Object.assign(pkg.packageStructure, { hasErrors: false, nonStandardFiles: ['pkg/llms/iface/errors.go'] });
    pkg.packageStructure.requiredFiles.hasErrors = false;
    pkg.packageStructure.fileLocations.errors = 'pkg/llms/iface/errors.go';
    assert.ok(renderMarkdown(sampleReport([pkg])).includes('- [ ] `errors.go`: found at `pkg/llms/iface/errors.go`, not in the package folder'));
  });

  it('lists the untraced methods and the tracing numbers', () => {
    const untraced = llmsPackage().observability.tracingIntegration.methods.filter((m) => !m.traced);
    assert.equal(untraced.length, 1);
    assert.ok(markdown.includes('- [ ] `Client.Stream` at `pkg/llms/llms.go:60`'));
    assert.ok(markdown.includes('2 of 3 public methods traced (66.7 %)'));
  });

  it('links catalogued rules to their README section', () => {
    assert.ok(markdown.includes(`[\`otel/untraced-method\`](${ruleDocUrl('otel/untraced-method')})`));
  });

  it('shows unknown coverage as unknown, not 0', () => {
    const stt = markdown.slice(markdown.indexOf('## Package voice/stt'));
    assert.ok(stt.includes('Coverage: unknown'));
  });

  it('lists workspace-wide diagnostics before the packages', () => {
    const section = markdown.indexOf('## Workspace diagnostics (1)');
    assert.ok(section > 0 && section < markdown.indexOf('## Package '));
    assert.ok(markdown.includes(configDiagnostic().message));
    assert.ok(!renderMarkdown(sampleReport(undefined, [])).includes('## Workspace diagnostics'));
  });

  it('details every provider with code: SDK with version and authentication', () => {
    const built = llmsPackage().providers.filter((p) => p.status !== 'PLANNED');
    assert.ok(built.length > 0, 'the sample has providers with code');
    const details = markdown.slice(markdown.indexOf('**Provider details**'));
    for (const provider of built) {
      assert.ok(details.includes(`${provider.sdkInfo.sdkName}@${provider.sdkInfo.sdkVersion}`), provider.providerName);
    }
  });

  it('says what backward compatibility was compared with, or why not', () => {
    assert.match(renderMarkdown({ ...sampleReport(), compatibility: { baselineRef: 'main', baselineCommit: 'abcdef0123456789' } }), /compared with `main` \(`abcdef012345`\)/);
    assert.match(renderMarkdown({ ...sampleReport(), compatibility: { notice: 'no git here' } }), /Backward compatibility: no git here/);
  });

  it('says so when there are no packages', () => {
    assert.ok(renderMarkdown(sampleReport([])).includes('No framework packages found.'));
  });
});

describe('Markdown escaping', () => {
  it('escapes emphasis, links, html and pipes but leaves ordinary text', () => {
    assert.equal(escapeMarkdown('*a* _b_ [c](d) <e> f|g'), '\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> f\\|g');
    assert.equal(escapeMarkdown('version 0.1.0'), 'version 0.1.0');
  });

  it('keeps text that starts like a list item from becoming one', () => {
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('- item'), '\\- item');
  });

  it('puts one line in a code span even with backticks in it', () => {
    assert.equal(codeSpan('a\nb'), '`a b`');
    assert.equal(codeSpan('x `y` z'), '``x `y` z``');
    assert.equal(codeSpan('`q'), '`` `q ``');
  });
});

describe('renderSarif', () => {
  const report = sampleReport();
  const sarif = renderSarif(report);
  const run = sarif.runs[0];
  const diagnostics = [...report.diagnostics, ...report.packages.flatMap((pkg) => pkg.diagnostics)];

  it('has the SARIF 2.1.0 required properties', () => {
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(sarif.runs.length, 1);
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'gocomply');
    assert.equal(run.tool.driver.version, report.version);
    assert.deepEqual(JSON.parse(JSON.stringify(sarif)), sarif, 'plain JSON');
  });

  it('describes every catalogued rule', () => {
    assert.ok(run);
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
    for (const [i, rule] of RULES.entries()) {
      const descriptor = rules[i];
      assert.equal(descriptor?.shortDescription.text, rule.title);
      assert.ok(descriptor?.fullDescription?.text.includes(rule.description));
      assert.equal(descriptor?.helpUri, ruleDocUrl(rule.id));
      assert.equal(descriptor?.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity]);
    }
  });

  it('gives one result per diagnostic, workspace-wide ones first, each resolving to its rule', () => {
    assert.ok(run);
    assert.equal(run.results[0]?.ruleId, 'config/invalid');
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.message.text]), diagnostics.map((d) => [d.rule, d.message]));
    for (const result of run.results) {
      assert.ok(result.message.text.length > 0);
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    }
  });

  it('copies 1-based regions and workspace-relative URIs', () => {
    assert.ok(run);
    run.results.forEach((result, i) => {
      const d = diagnostics[i];
      assert.ok(d);
      const location = result.locations[0]?.physicalLocation;
      assert.deepEqual(location?.region, { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column });
      for (const n of Object.values(location?.region ?? {})) assert.ok(Number.isInteger(n) && n >= 1);
      assert.deepEqual(location?.artifactLocation, { uri: d.file, uriBaseId: '%SRCROOT%' });
    });
  });

  it('resolves %SRCROOT% to the workspace folder with a trailing slash', () => {
    const uri = run?.originalUriBaseIds['%SRCROOT%']?.uri;
    assert.equal(uri, `${pathToFileURL(report.workspace).href}/`);
    assert.equal(uri, 'file:///home/dev/my%20framework/');
  });

  it('maps severities to SARIF levels', () => {
    const pkg = sttPackage();
    pkg.diagnostics = [diagnostic('error', 'compat/breaking-change'), diagnostic('warning', 'otel/metric-name'), diagnostic('info', 'otel/untraced-method'), diagnostic('hint', 'otel/untraced-method')];
    const levels = renderSarif(sampleReport([pkg], [])).runs[0]?.results.map((r) => r.level);
    assert.deepEqual(levels, ['error', 'warning', 'note', 'note']);
  });

  it('keeps duplicate diagnostics and describes rules missing from the catalogue', () => {
    const pkg = sttPackage();
    pkg.diagnostics = [diagnostic('info', 'custom/rule'), diagnostic('info', 'custom/rule')];
    const only = renderSarif(sampleReport([pkg], [])).runs[0];
    assert.equal(only?.results.length, 2);
    const index = only?.results[0]?.ruleIndex ?? -1;
    assert.equal(only?.tool.driver.rules[index]?.id, 'custom/rule');
    assert.equal(only?.tool.driver.rules.length, RULES.length + 1);
  });

  it('writes artifact URIs with forward slashes and percent-encoded segments', () => {
    assert.equal(artifactUri('pkg\\llms\\a.go'), 'pkg/llms/a.go');
    assert.equal(artifactUri('pkg/my llms/a#1.go'), 'pkg/my%20llms/a%231.go');
  });
});
