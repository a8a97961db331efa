// Reading JSON the tests did not write: package.json and the exported report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** A command's title as package.json declares it. */
export function commandTitle(id: string): string {
  const manifest = parseJson(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const commands = field(field(manifest, 'contributes'), 'commands');
  const title = Array.isArray(commands) ? field(commands.find((command) => field(command, 'command') === id), 'title') : undefined;
  if (typeof title !== 'string') throw new Error(`package.json declares no title for ${id}`);
  return title;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // still being written
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
