// Coverage profiles and benchmark outputs named by settings (spec §3, §4):
// patterns are resolved against the workspace root and every module root.
// They are looked up directly, since the walk skips hidden folders such as .cache/.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isGlob, matchesGlob } from '../util/glob';
import { joinRel } from './walk';

export interface FoundFile {
  /** Workspace-relative path. */
  file: string;
  mtimeMs: number;
  text: string;
}

async function readFound(root: string, file: string): Promise<FoundFile | undefined> {
  try {
    const absolute = path.join(root, file);
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) return undefined;
    return { file, mtimeMs: stat.mtimeMs, text: await fs.readFile(absolute, 'utf8') };
  } catch {
    return undefined;
  }
}

async function expand(root: string, base: string, pattern: string): Promise<string[]> {
  const full = joinRel(base, pattern.replace(/^\.\//, ''));
  if (!isGlob(full)) return [full];
  const slash = full.lastIndexOf('/');
  const dir = slash < 0 ? '' : full.slice(0, slash);
  if (isGlob(dir)) return []; // only the last segment may be a glob
  try {
    const names = await fs.readdir(path.join(root, dir));
    return names.map((name) => joinRel(dir, name)).filter((rel) => matchesGlob(`/${full}`, rel));
  } catch {
    return [];
  }
}

export async function findConfiguredFiles(root: string, bases: string[], patterns: string[]): Promise<FoundFile[]> {
  const candidates = new Set<string>();
  for (const base of new Set(['', ...bases])) {
    for (const pattern of patterns) for (const rel of await expand(root, base, pattern)) candidates.add(rel);
  }
  const found = await Promise.all([...candidates].sort().map((rel) => readFound(root, rel)));
  return found.filter((f): f is FoundFile => f !== undefined);
}
