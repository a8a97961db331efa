import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { README_URL, RULES, isRuleId, renderRulesMarkdown, ruleById, ruleDocUrl } from '../../server/src/engine/rules/catalog';

/** Spec §9's table, combined rows split as the brief assigns their severities. */
const SPEC_DEFAULT_SEVERITY: Record<string, string> = {
  'structure/missing-file': 'warning',
  'structure/missing-directory': 'info',
  'structure/non-standard-location': 'info',
  'otel/missing-metrics': 'warning',
  'otel/metric-name': 'warning',
  'otel/metric-conflict': 'error',
  'otel/untraced-method': 'info',
  'otel/span-not-ended': 'warning',
  'otel/span-error-not-recorded': 'info',
  'logging/no-structured': 'warning',
  'logging/no-otel-context': 'info',
  'logging/unstructured-call': 'info',
  'testing/missing-benchmarks': 'info',
  'testing/low-coverage': 'info',
  'testing/advanced-test-incomplete': 'info',
  'testing/stale-coverage': 'info',
  'providers/duplicate-registration': 'error',
  'providers/not-registered': 'warning',
  'providers/no-tests': 'warning',
  'providers/no-mock': 'info',
  'providers/not-auto-registered': 'info',
  'providers/missing-high-demand': 'info',
  'completeness/placeholder': 'warning',
  'compat/breaking-change': 'error',
  'state/regressed': 'warning',
  'state/invalid': 'error',
  'config/invalid': 'error',
};

describe('rule catalogue', () => {
  it('lists every rule id of spec §9 exactly once', () => {
    const ids = RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate id');
    assert.deepEqual([...ids].sort(), Object.keys(SPEC_DEFAULT_SEVERITY).sort());
  });

  it('uses the default severities of spec §9', () => {
    for (const rule of RULES) assert.equal(rule.defaultSeverity, SPEC_DEFAULT_SEVERITY[rule.id], rule.id);
  });

  it('gives each rule an anchor made from its id and a doc URL on the README', () => {
    const rule = ruleById('otel/untraced-method');
    assert.equal(rule.anchor, '#rule-otel-untraced-method');
    assert.equal(ruleDocUrl('otel/untraced-method'), `${README_URL}#rule-otel-untraced-method`);
    for (const r of RULES) assert.match(r.anchor, /^#rule-[a-z]+-[a-z0-9-]+$/);
  });

  it('marks quick fixes where spec §9 has one', () => {
    const withFix = RULES.filter((rule) => rule.hasQuickFix).map((rule) => rule.id);
    assert.deepEqual(withFix.sort(), [
      'logging/no-otel-context',
      'otel/metric-name',
      'otel/missing-metrics',
      'otel/span-not-ended',
      'otel/untraced-method',
      'structure/missing-directory',
      'structure/missing-file',
      'testing/missing-benchmarks',
    ]);
    for (const rule of RULES) assert.equal(rule.hasQuickFix, rule.quickFix !== undefined, rule.id);
  });

  it('has a one-line title and a description for every rule', () => {
    for (const rule of RULES) {
      assert.ok(rule.title.length > 0 && !rule.title.includes('\n'), rule.id);
      assert.ok(rule.description.length > 0 && rule.fix.length > 0, rule.id);
    }
  });

  it('tells rule ids from other strings', () => {
    assert.equal(isRuleId('otel/span-not-ended'), true);
    assert.equal(isRuleId('otel/span-not-closed'), false);
    assert.equal(ruleById('nope/nothing'), undefined);
  });
});

describe('renderRulesMarkdown', () => {
  const markdown = renderRulesMarkdown();

  it('has one heading and one anchor per rule, in catalogue order', () => {
    const headings = [...markdown.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, RULES.map((rule) => rule.id));
    for (const rule of RULES) assert.ok(markdown.includes(`<a id="${rule.anchor.slice(1)}"></a>`), rule.id);
  });

  it('summary table links every rule to its section with four cells per row', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    assert.equal(rows.length, RULES.length + 2);
    for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length - 2, 4, row);
    for (const rule of RULES) assert.ok(markdown.includes(`[\`${rule.id}\`](${rule.anchor})`), rule.id);
  });

  it('shows severity, what it checks and what to do', () => {
    const rule = ruleById('otel/span-not-ended');
    const section = markdown.slice(markdown.indexOf('### `otel/span-not-ended`'));
    const own = section.slice(0, section.indexOf('<a id=', 1));
    assert.ok(own.includes(`**Default severity:** ${rule.defaultSeverity}`));
    assert.ok(own.includes(rule.description));
    assert.ok(own.includes(rule.fix));
    assert.ok(own.includes(`**Quick fix:** ${rule.quickFix ?? ''}`));
  });
});
