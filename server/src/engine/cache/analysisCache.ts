// The analysis cache: the last analysis of a root (the workspace analysis and
// its diagnostics), stored with a key that hashes everything they are computed
// from (they are pure functions of it), so an audit of an unchanged workspace
// replays them instead of re-analysing:
//  - the running code (the bundle, or every engine source file) and the fact cache identity;
//  - the settings;
//  - the listing in walk order: every Go file with size, mtime and content hash,
//    every other file with size and mtime, every folder;
//  - modules and packages, coverage and benchmark files (mtime and text);
//  - the state file and the git baseline (ref, commit, files);
//  - the findings of the settings and state files themselves.
// Any difference is a miss: the analysis is computed and the entry replaced.
// One file per root, written atomically, read with v8's structured clone
// (faithful for everything an analysis holds, unlike JSON).
import * as crypto from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as v8 from 'node:v8';
import type { Settings } from '../../../../common/schemas/settings';
import type { LifecycleInputs, WorkspaceState } from '../analysis';
import type { EngineResult } from '../engine';
import type { Finding } from '../rules/finding';
import { cacheIdentity } from './identity';

const FORMAT = 'gocomply-analysis-cache-2';
const FILE = 'analysis.bin';

export interface AnalysisKeyInputs {
  state: WorkspaceState;
  settings: Settings;
  lifecycle: LifecycleInputs;
  /** Findings of the settings file and the state file, which the diagnostics include. */
  findings: Finding[];
  /** Content hash of each Go file's facts (absent for files without facts). */
  contentHashes: Map<string, string>;
}

interface StoredAnalysis {
  format: typeof FORMAT;
  key: string;
  result: EngineResult;
}

/** Engine source files when run from source; the bundle holding this code when bundled. */
function analysisCodeFiles(): string[] {
  if (!__filename.endsWith('.ts')) return [__filename];
  const engineDir = join(__dirname, '..');
  const dirs = [engineDir, join(engineDir, '..', '..', '..', 'common')];
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => join(dir, name)),
  );
}

let codeIdentity: string | undefined;

function analysisCodeIdentity(): string {
  if (codeIdentity === undefined) {
    const hash = crypto.createHash('sha256').update(cacheIdentity());
    for (const file of analysisCodeFiles()) hash.update(file).update('\0').update(existsSync(file) ? readFileSync(file) : '').update('\0');
    codeIdentity = hash.digest('hex');
  }
  return codeIdentity;
}

const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('hex');

/** The key of an analysis: a hash of every input it reads (see the top of this file). */
export function analysisKey(inputs: AnalysisKeyInputs): string {
  const { state, settings, lifecycle, findings, contentHashes } = inputs;
  const hash = crypto.createHash('sha256');
  const add = (value: unknown) => hash.update(JSON.stringify(value) ?? 'undefined').update('\n');
  add(analysisCodeIdentity());
  add(settings);
  for (const [file, stat] of state.listing.goFiles) add([file, stat.size, stat.mtimeMs, contentHashes.get(file) ?? null]);
  add('other');
  for (const [file, stat] of state.listing.otherFiles) add([file, stat.size, stat.mtimeMs]);
  add([...state.listing.dirs]);
  add(state.modules);
  add(state.packages);
  for (const found of [...state.coverageFiles, '|', ...state.benchmarkFiles]) {
    add(typeof found === 'string' ? found : [found.file, found.mtimeMs, sha1(found.text)]);
  }
  add(lifecycle.state ?? null);
  add(baselineSummary(lifecycle.baseline));
  add(findings);
  return hash.digest('hex');
}

/** The baseline's facts follow from its commit (blobs never change); its files are listed to be safe. */
function baselineSummary(baseline: LifecycleInputs['baseline']): unknown {
  if (!baseline) return null;
  if ('notice' in baseline) return { notice: baseline.notice };
  return { ref: baseline.ref, commit: baseline.commit, files: [...baseline.files].map(([dir, files]) => [dir, files.map(([rel]) => rel)]) };
}

function isStored(value: unknown): value is StoredAnalysis {
  return typeof value === 'object' && value !== null && 'format' in value && value.format === FORMAT && 'key' in value && 'result' in value;
}

/** One root's stored analysis, for one key. */
export class AnalysisCache {
  private readonly file: string;

  constructor(
    dir: string,
    private readonly key: string,
  ) {
    this.file = join(dir, FILE);
  }

  /** The stored result when it was computed from the same inputs; undefined otherwise (or unreadable). */
  read(): EngineResult | undefined {
    try {
      const stored: unknown = v8.deserialize(readFileSync(this.file));
      return isStored(stored) && stored.key === this.key ? stored.result : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `result` under this key: best effort, atomic (temp file + rename), and synchronous, so an
   * audit's process ends with the cache written and the next audit reads it whole.
   */
  write(result: EngineResult): void {
    const stored: StoredAnalysis = { format: FORMAT, key: this.key, result };
    const temp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, v8.serialize(stored));
      renameSync(temp, this.file);
    } catch {
      rmSync(temp, { force: true }); // not cloneable, read-only or full disk: only a slower next audit
    }
  }
}
