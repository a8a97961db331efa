// Regenerates the README's rules section from the rule catalogue (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesMarkdown } from '../server/src/engine/rules/catalog';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

export function withRulesSection(readme: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${RULES_START} and ${RULES_END} markers`);
  return `${readme.slice(0, start + RULES_START.length)}\n${renderRulesMarkdown().trim()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const file = join(__dirname, '..', 'README.md');
  writeFileSync(file, withRulesSection(readFileSync(file, 'utf8')));
}
