// A FixWorkspace over an engine's last analysis and the disk, with open
// documents' text winning over the disk's (the editor passes them in).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Engine, EngineResult } from '../engine';
import type { FixWorkspace } from './plan';

export type OpenText = (file: string) => string | undefined;

function readDisk(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

function listDisk(root: string, dir: string): string[] {
  try {
    return readdirSync(path.join(root, dir)).sort();
  } catch {
    return [];
  }
}

export function fixWorkspace(engine: Engine, result: EngineResult, openText: OpenText = () => undefined): FixWorkspace {
  const root = engine.root;
  return {
    packages: result.analysis.packages.map((p) => p.model),
    modules: engine.modules,
    settings: engine.settings,
    spanStarters: new Set(result.analysis.spanStarters),
    factsOf: (file) => engine.factsOf(file),
    textOf: (file) => openText(file) ?? readDisk(root, file),
    exists: (file) => openText(file) !== undefined || existsSync(path.join(root, file)),
    listDir: (dir) => listDisk(root, dir),
  };
}
