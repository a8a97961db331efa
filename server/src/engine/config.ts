// Settings: `.gocomply.json` merged with overrides (editor settings, CLI flags),
// validated by the one zod schema. An invalid file never stops the engine: it
// becomes `config/invalid` findings on that file and the defaults apply.
import { SettingsSchema, type Settings, type SettingsInput } from '../../../common/schemas/settings';
import type { Range } from './facts/types';
import { FILE_START, type Finding } from './rules/finding';

export const CONFIG_FILE = '.gocomply.json';

export interface LoadedSettings {
  settings: Settings;
  findings: Finding[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge where `over` wins; arrays are replaced, not concatenated. */
export function mergeSettings(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeSettings(base[key], value);
  return merged;
}

export function loadSettings(configText: string | undefined, overrides: SettingsInput = {}): LoadedSettings {
  const findings: Finding[] = [];
  let fileInput: unknown = {};
  if (configText !== undefined) {
    const parsed = parseJson(configText);
    if ('error' in parsed) {
      findings.push(configFinding(FILE_START, `${CONFIG_FILE} is not valid JSON (${parsed.error}); defaults apply.`));
    } else {
      const checked = SettingsSchema.safeParse(parsed.value);
      if (checked.success) fileInput = parsed.value;
      for (const issue of checked.success ? [] : checked.error.issues) {
        const where = issue.path.map(String).join('.') || '(root)';
        const range = locateKey(configText, issue.path.map(String));
        findings.push(configFinding(range, `${where}: ${issue.message}; ${CONFIG_FILE} is ignored until fixed.`));
      }
    }
  }
  const merged = SettingsSchema.safeParse(mergeSettings(fileInput, overrides));
  const settings = merged.success ? merged.data : SettingsSchema.parse(fileInput);
  return { settings, findings };
}

function parseJson(text: string): { value: Json } | { error: string } {
  try {
    return { value: JSON.parse(text) as Json };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function configFinding(range: Range, message: string): Finding {
  return { rule: 'config/invalid', file: CONFIG_FILE, range, message };
}

/** Range of the last key of `path` in the JSON text (first occurrence after its parents), else the file start. */
export function locateKey(text: string, path: string[]): Range {
  let offset = 0;
  let found = -1;
  for (const key of path.filter((k) => !/^\d+$/.test(k))) {
    const at = text.indexOf(JSON.stringify(key), offset);
    if (at < 0) break;
    found = at;
    offset = at + 1;
  }
  if (found < 0) return FILE_START;
  const before = text.slice(0, found);
  const line = before.split('\n').length - 1;
  const character = found - (before.lastIndexOf('\n') + 1);
  const length = JSON.stringify(path.filter((k) => !/^\d+$/.test(k)).at(-1) ?? '').length;
  return { start: { line, character }, end: { line, character: character + length } };
}
