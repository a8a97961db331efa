// The README is the user's reference: its rules section is generated from the
// catalogue and every setting of the schema is documented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultSettings } from '../../common/schemas/settings';
import { withRulesSection } from '../../scripts/update-readme';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function settingKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  const nested = ['metrics', 'tracing', 'benchmarks', 'coverage', 'providers', 'compat'];
  return Object.entries(value).flatMap(([key, inner]) =>
    prefix === '' && nested.includes(key) ? settingKeys(inner, key) : [prefix ? `${prefix}.${key}` : key],
  );
}

test('the rules section equals the catalogue (run `npm run docs` after changing a rule)', () => {
  assert.equal(withRulesSection(readme), readme);
});

test('every setting of the schema has a row in the settings table', () => {
  const keys = [...settingKeys(defaultSettings()), 'compat.baselineRef'];
  const undocumented = keys.filter((key) => !readme.includes(`| \`${key}\` |`));
  assert.deepEqual(undocumented, []);
});

test('the quick start is the two commands of a fresh machine', () => {
  assert.match(readme, /npm ci && npm run audit/);
  assert.match(readme, /^npm test\b/m);
});
