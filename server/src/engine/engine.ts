// The engine's state for one workspace folder: listing, per-file facts,
// settings. The CLI opens it once; the language server keeps it and feeds it
// changes (open documents' text, watched-file events).
import * as path from 'node:path';
import type { Notice, Report } from '../../../common/schemas/report';
import type { Settings, SettingsInput } from '../../../common/schemas/settings';
import { analyzeWorkspace, type WorkspaceAnalysis, type WorkspaceState } from './analysis';
import { CONFIG_FILE, loadSettings } from './config';
import type { FileFacts } from './facts/types';
import { GoParser } from './parser';
import { buildReport } from './report/json';
import { toDiagnostics } from './rules/diagnostics';
import type { EngineDiagnostic, Finding } from './rules/finding';
import { findModules, findPackages } from './workspace/packages';
import { findConfiguredFiles } from './workspace/profiles';
import { readSource, readTextIfExists } from './workspace/read';
import { addToListing, removeFromListing, statFile, walkWorkspace } from './workspace/walk';

export interface EngineOptions {
  settings?: SettingsInput;
  trusted?: boolean;
  /** A parser to use (and not dispose); by default the engine makes its own. */
  parser?: GoParser;
  /** Called as files are parsed (done, total), for progress reporting. */
  onProgress?: (done: number, total: number) => void;
}

export interface EngineResult {
  analysis: WorkspaceAnalysis;
  diagnostics: EngineDiagnostic[];
}

/** A change to one workspace file: `text` is an open document's content, which wins over the disk. */
export interface FileChange {
  file: string;
  kind: 'created' | 'changed' | 'deleted';
  text?: string;
}

function syntaxNotice(file: string, facts: FileFacts): Notice[] {
  const { count, first } = facts.syntaxErrors;
  if (count === 0) return [];
  const at = first[0] ? ` (first at ${first[0].start.line + 1}:${first[0].start.character + 1})` : '';
  return [{ file, message: `${count} syntax error${count === 1 ? '' : 's'}${at}: facts come from the parts that parse` }];
}

const isModuleFile = (file: string) => file === 'go.work' || file === 'go.mod' || file.endsWith('/go.mod');

export class Engine {
  settings: Settings;
  private configFindings: Finding[] = [];
  private readonly notices = new Map<string, Notice[]>();
  private state: WorkspaceState | undefined;

  private constructor(
    readonly root: string,
    private readonly parser: GoParser,
    private readonly ownsParser: boolean,
    private overrides: SettingsInput,
  ) {
    this.settings = loadSettings(undefined, overrides).settings;
  }

  static async open(root: string, options: EngineOptions = {}): Promise<Engine> {
    const parser = options.parser ?? (await GoParser.create());
    const engine = new Engine(path.resolve(root), parser, options.parser === undefined, options.settings ?? {});
    await engine.reindex(options.onProgress);
    return engine;
  }

  /** Re-reads everything: settings, listing, modules, packages, every file's facts. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.loadConfig();
    const listing = await walkWorkspace(this.root);
    this.notices.clear();
    this.state = { listing, modules: [], packages: [], facts: new Map(), coverageFiles: [], benchmarkFiles: [] };
    await this.refreshLayout();
    const files = [...listing.goFiles];
    let done = 0;
    for (const [file, stat] of files) {
      await this.parseFromDisk(file, stat.size);
      onProgress?.(++done, files.length);
    }
  }

  private get current(): WorkspaceState {
    if (!this.state) throw new Error('gocomply: engine used before indexing');
    return this.state;
  }

  private async loadConfig(): Promise<void> {
    const loaded = loadSettings(await readTextIfExists(path.join(this.root, CONFIG_FILE)), this.overrides);
    this.settings = loaded.settings;
    this.configFindings = loaded.findings;
  }

  /** Modules, packages, coverage profiles and benchmark outputs: cheap, recomputed after structural changes. */
  private async refreshLayout(): Promise<void> {
    const state = this.current;
    const texts = new Map<string, string>();
    for (const rel of state.listing.otherFiles.keys()) {
      if (isModuleFile(rel)) texts.set(rel, (await readTextIfExists(path.join(this.root, rel))) ?? '');
    }
    state.modules = findModules(state.listing, (rel) => texts.get(rel));
    state.packages = findPackages(state.listing, state.modules, this.settings.packageRoots);
    const moduleDirs = state.modules.map((m) => m.dir);
    [state.coverageFiles, state.benchmarkFiles] = await Promise.all([
      findConfiguredFiles(this.root, moduleDirs, this.settings.coverage.profiles),
      findConfiguredFiles(this.root, moduleDirs, this.settings.benchmarks.results),
    ]);
  }

  private async parseFromDisk(file: string, size: number): Promise<void> {
    const read = await readSource(this.root, file, size, this.settings.maxFileBytes);
    this.notices.set(file, read.notices);
    if (read.text === undefined) this.current.facts.delete(file);
    else this.setFacts(file, read.text, read.notices);
  }

  private setFacts(file: string, text: string, readNotices: Notice[]): void {
    const facts = this.parser.extract(text);
    this.current.facts.set(file, facts);
    this.notices.set(file, [...readNotices, ...syntaxNotice(file, facts)]);
  }

  /** Applies file changes; returns true when something the analysis reads changed. */
  async update(changes: FileChange[]): Promise<boolean> {
    let layoutChanged = false;
    let configChanged = false;
    for (const change of changes) {
      const rel = change.file;
      if (rel === CONFIG_FILE) configChanged = true;
      if (change.kind === 'deleted') {
        layoutChanged = removeFromListing(this.current.listing, rel) || layoutChanged;
        this.current.facts.delete(rel);
        this.notices.delete(rel);
        continue;
      }
      const stat = change.text !== undefined ? { size: change.text.length, mtimeMs: Date.now() } : await statFile(this.root, rel);
      if (!stat) continue;
      layoutChanged = addToListing(this.current.listing, rel, stat) || isModuleFile(rel) || layoutChanged;
      if (!rel.endsWith('.go')) continue;
      if (change.text === undefined) await this.parseFromDisk(rel, stat.size);
      else this.setFacts(rel, change.text, []);
    }
    if (configChanged) {
      await this.reindex();
      return true;
    }
    if (layoutChanged || changes.some((c) => !c.file.endsWith('.go'))) await this.refreshLayout();
    return changes.length > 0;
  }

  /** New editor settings: a full re-index, since roots and limits may have changed. */
  async setOverrides(overrides: SettingsInput): Promise<void> {
    this.overrides = overrides;
    await this.reindex();
  }

  factsOf(file: string): FileFacts | undefined {
    return this.state?.facts.get(file);
  }

  get fileCount(): number {
    return this.current.listing.goFiles.size;
  }

  allNotices(): Notice[] {
    return [...this.notices.values()].flat();
  }

  analyze(): EngineResult {
    const analysis = analyzeWorkspace(this.current, this.settings);
    const findings = [...this.configFindings, ...analysis.workspaceFindings, ...analysis.packages.flatMap((p) => p.findings)];
    return { analysis, diagnostics: toDiagnostics(dedupe(findings), this.settings, (f) => this.factsOf(f)) };
  }

  report(result: EngineResult = this.analyze(), now = new Date()): Report {
    return buildReport({ root: this.root, modules: this.current.modules, result, notices: this.allNotices(), generatedAt: now });
  }

  dispose(): void {
    if (this.ownsParser) this.parser.dispose();
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.file}\u0000${f.range.start.line}:${f.range.start.character}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
