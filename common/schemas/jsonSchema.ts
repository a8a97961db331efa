// JSON schema of `.gocomply.json`, generated from SettingsSchema so the file the
// editor validates (package.json `jsonValidation`) can never drift from it.
import { z } from 'zod';
import { RULE_SEVERITIES, SettingsSchema } from './settings';

/** A rule the editor should complete in the `rules` map; unknown ids stay allowed. */
export interface KnownRule {
  id: string;
  title: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds one property per known rule id under `rules`, for completion and hover in the editor. */
function describeKnownRules(schema: Record<string, unknown>, knownRules: readonly KnownRule[]): void {
  const properties = schema['properties'];
  if (!isRecord(properties)) return;
  const rules = properties['rules'];
  if (!isRecord(rules)) return;
  rules['properties'] = Object.fromEntries(
    knownRules.map((rule) => [rule.id, { description: rule.title, enum: [...RULE_SEVERITIES] }]),
  );
}

/**
 * The settings' JSON schema (draft 2020-12). `io: 'input'` describes what a
 * user may write: fields with defaults are optional.
 */
export function settingsJsonSchema(knownRules: readonly KnownRule[] = []): Record<string, unknown> {
  const generated: Record<string, unknown> = z.toJSONSchema(SettingsSchema, { io: 'input' });
  const schema: Record<string, unknown> = {
    ...generated,
    title: 'gocomply settings (.gocomply.json)',
  };
  if (knownRules.length > 0) describeKnownRules(schema, knownRules);
  return schema;
}
