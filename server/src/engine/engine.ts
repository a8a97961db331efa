// The engine's state for one workspace folder: listing, per-file facts,
// settings. The CLI opens it once; the language server keeps it and feeds it
// changes (open documents' text, watched-file events).
import * as path from 'node:path';
import type { Notice, Report } from '../../../common/schemas/report';
import type { Settings, SettingsInput } from '../../../common/schemas/settings';
import { analyzeWorkspace, type LifecycleInputs, type WorkspaceAnalysis, type WorkspaceState } from './analysis';
import { AnalysisMemo } from './analysisMemo';
import { AnalysisCache, analysisKey } from './cache/analysisCache';
import { FactCache, rootCacheDir, type CachedFacts } from './cache/factCache';
import { cacheIdentity } from './cache/identity';
import type { KnownFacts } from './compat';
import { CONFIG_FILE, loadSettings } from './config';
import { collectFacts, hasGoFiles, PARALLEL_MIN_FILES, type CollectedFile } from './facts/collect';
import { defaultPoolSize, FactsPool } from './facts/pool';
import type { FileFacts } from './facts/types';
import type { ModuleInfo } from './fixes/missingFile';
import { LifecycleStore } from './lifecycleStore';
import { OpenTrees } from './openTrees';
import { GoParser } from './parser';
import { STATE_FILE, type TransitionRequest, type TransitionResult } from './state';
import { buildReport } from './report/json';
import { toDiagnostics } from './rules/diagnostics';
import type { EngineDiagnostic, Finding } from './rules/finding';
import { findModules, findPackages } from './workspace/packages';
import { findConfiguredFiles } from './workspace/profiles';
import { readTextIfExists } from './workspace/read';
import { addToListing, removeFromListing, statFile, walkWorkspace, type FileStat } from './workspace/walk';

export interface EngineOptions {
  settings?: SettingsInput;
  trusted?: boolean;
  /** A parser to use (and not dispose); by default the engine makes its own. */
  parser?: GoParser;
  /** Called as files are parsed (done, total), for progress reporting. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Folder for the fact cache (the CLI's `.cache/gocomply`, the extension's
   * workspace storage); several roots may share one. Null or absent: no cache.
   */
  cacheDir?: string | null;
  /** Worker threads for parsing many files; 0 keeps all parsing in the main thread. Default: one per core, at least 2. */
  workers?: number;
  /**
   * With a cacheDir: the first analysis after an index is replayed from the analysis cache when every
   * input is the same as when it was stored (cache/analysisCache.ts). For one-shot audits (the CLI):
   * a replayed analysis leaves the in-memory memo empty, so the next analysis after an edit is a full one.
   */
  reuseAnalysis?: boolean;
}

/** Facts by content hash: this run's files, then the fact cache (where baseline-only blobs are kept too). */
function knownFacts(collected: Map<string, CollectedFile>, cache: FactCache | undefined): KnownFacts {
  const byHash = new Map<string, FileFacts>();
  for (const { hash, facts } of collected.values()) if (hash !== undefined && facts) byHash.set(hash, facts);
  return {
    get: (hash) => byHash.get(hash) ?? cache?.get(hash),
    put: (hash, facts) => cache?.put(hash, facts),
  };
}

const NO_KNOWN_FACTS: KnownFacts = { get: () => undefined, put: () => undefined };

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
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
  private readonly memo = new AnalysisMemo();
  private readonly cacheDir: string | null;
  private readonly workers: number;
  private readonly reuseAnalysis: boolean;
  /** Files whose facts come from the fact cache and are not parsed yet; `current` parses them. */
  private pendingFacts = new Map<string, CachedFacts>();
  /** Set by an index when reuseAnalysis is on, taken by the next analysis, dropped by any update. */
  private storedAnalysis: AnalysisCache | undefined;
  private readonly trusted: boolean;
  private readonly lifecycle: LifecycleStore;
  /** Trees of the files whose text comes from the editor, for incremental parsing; none for other files. */
  private readonly openTrees = new OpenTrees();

  /** The main thread's parser, made on first use: a warm start from the cache needs none. */
  private parser: Promise<GoParser> | undefined;
  private readonly ownsParser: boolean;
  /** Aborts the facts collection of a reindex in progress (and its workers) on dispose. */
  private indexing: AbortController | undefined;

  private constructor(
    readonly root: string,
    private overrides: SettingsInput,
    options: EngineOptions,
  ) {
    this.settings = loadSettings(undefined, overrides).settings;
    this.parser = options.parser && Promise.resolve(options.parser);
    this.ownsParser = options.parser === undefined;
    this.cacheDir = options.cacheDir ?? null;
    this.workers = options.workers ?? defaultPoolSize();
    this.reuseAnalysis = options.reuseAnalysis ?? false;
    this.trusted = options.trusted ?? false;
    this.lifecycle = new LifecycleStore(root);
  }

  static async open(root: string, options: EngineOptions = {}): Promise<Engine> {
    const engine = new Engine(path.resolve(root), options.settings ?? {}, options);
    await engine.reindex(options.onProgress);
    return engine;
  }

  private readonly mainParser = (): Promise<GoParser> => {
    this.parser ??= GoParser.create();
    return this.parser;
  };

  /** Re-reads everything: settings, listing, modules, packages, every file's facts (from the cache where the bytes match). */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<void> {
    const cache = await this.openCache();
    const indexing = new AbortController();
    this.indexing = indexing;
    const pool = this.earlyPool(cache);
    // Much to parse: the main thread takes a share, so its parser loads (wasm compiles off-thread) while the folder is walked.
    if (pool) void this.mainParser().catch(() => undefined);
    const known = deferred<KnownFacts>();
    try {
      await this.loadConfig();
      const listing = await walkWorkspace(this.root);
      this.notices.clear();
      this.state = { listing, modules: [], packages: [], facts: new Map(), coverageFiles: [], benchmarkFiles: [] };
      this.pendingFacts = new Map();
      await this.refreshLayout();
      // git and the state file are read while the files are: the baseline waits for their facts only to reuse them.
      const lifecycle = this.loadLifecycle(known.promise);
      lifecycle.catch(() => undefined); // awaited below; not left unhandled if the collection fails first
      const files = [...listing.goFiles];
      const collected = await collectFacts({
        root: this.root,
        files,
        maxFileBytes: this.settings.maxFileBytes,
        parser: this.mainParser,
        workers: this.workers,
        signal: indexing.signal,
        ...(pool ? { pool } : {}),
        ...(cache ? { cache } : {}),
        ...(onProgress ? { onProgress } : {}),
      }).finally(() => void pool?.close());
      for (const [file] of files) this.setCollected(file, collected.get(file));
      known.resolve(knownFacts(collected, cache));
      await lifecycle;
      this.storedAnalysis = cache && this.reuseAnalysis ? new AnalysisCache(cache.dir, this.analysisKeyOf(collected)) : undefined;
    } finally {
      known.resolve(NO_KNOWN_FACTS);
      if (this.indexing === indexing) this.indexing = undefined;
      await pool?.close();
    }
    await cache?.save();
  }

  private analysisKeyOf(collected: Map<string, CollectedFile>): string {
    const contentHashes = new Map<string, string>();
    for (const [file, { hash, facts, cached }] of collected) if (hash !== undefined && (facts || cached)) contentHashes.set(file, hash);
    const findings = [...this.configFindings, ...this.lifecycle.stateFindings];
    return analysisKey({ state: this.indexed, settings: this.settings, lifecycle: this.lifecycleInputs(), findings, contentHashes });
  }

  private lifecycleInputs(): LifecycleInputs {
    const { baseline, state } = this.lifecycle;
    return { ...(baseline ? { baseline } : {}), ...(state ? { state } : {}) };
  }

  private async loadLifecycle(known: Promise<KnownFacts>): Promise<void> {
    await Promise.all([
      this.lifecycle.readState(),
      this.lifecycle.loadBaseline({
        root: this.root,
        trusted: this.trusted,
        ref: this.settings.compat.baselineRef,
        packageDirs: this.indexed.packages.map((p) => p.dir),
        parser: this.mainParser,
        known,
        maxFileBytes: this.settings.maxFileBytes,
      }),
    ]);
  }

  /** Workers started before the walk when much will be parsed (no cached facts, many Go files), so they load meanwhile. */
  private earlyPool(cache: FactCache | undefined): FactsPool | undefined {
    const cached = cache !== undefined && cache.storedCount > 0;
    if (this.workers === 0 || cached || !hasGoFiles(this.root, PARALLEL_MIN_FILES)) return undefined;
    return new FactsPool({ size: this.workers });
  }

  /** The fact cache, if any; a cache that cannot be opened is no cache. */
  private async openCache(): Promise<FactCache | undefined> {
    if (this.cacheDir === null) return undefined;
    try {
      return await FactCache.open(rootCacheDir(this.cacheDir, this.root), cacheIdentity());
    } catch {
      return undefined;
    }
  }

  /** Facts and notices of a file read by reindex, in listing order so analysis sees files as a walk does. */
  private setCollected(file: string, collected: CollectedFile | undefined): void {
    const readNotices = collected?.readNotices ?? [];
    if (collected?.facts) {
      this.indexed.facts.set(file, collected.facts);
      this.notices.set(file, [...readNotices, ...syntaxNotice(file, collected.facts)]);
    } else if (collected?.cached) {
      // Parsed when first needed: an audit whose analysis is replayed parses none.
      this.pendingFacts.set(file, collected.cached);
      this.notices.set(file, collected.cached.hasSyntaxErrors ? [...readNotices, ...syntaxNotice(file, collected.cached.load())] : readNotices);
    } else {
      this.notices.set(file, readNotices);
    }
  }

  /** The indexed state, cached facts possibly not parsed yet (see pendingFacts). */
  private get indexed(): WorkspaceState {
    if (!this.state) throw new Error('gocomply: engine used before indexing');
    return this.state;
  }

  /** The indexed state with every file's facts in it. */
  private get current(): WorkspaceState {
    this.parsePendingFacts();
    return this.indexed;
  }

  /** Parses the cached facts not parsed yet, rebuilding the facts in listing order (the order analysis has always seen). */
  private parsePendingFacts(): void {
    const pending = this.pendingFacts;
    if (pending.size === 0) return;
    this.pendingFacts = new Map();
    const state = this.indexed;
    const facts = new Map<string, FileFacts>();
    for (const file of state.listing.goFiles.keys()) {
      const one = state.facts.get(file) ?? pending.get(file)?.load();
      if (one) facts.set(file, one);
    }
    state.facts = facts;
  }

  private async loadConfig(): Promise<void> {
    const loaded = loadSettings(await readTextIfExists(path.join(this.root, CONFIG_FILE)), this.overrides);
    this.settings = loaded.settings;
    this.configFindings = loaded.findings;
  }

  /** Modules, packages, coverage profiles and benchmark outputs: cheap, recomputed after structural changes. */
  private async refreshLayout(): Promise<void> {
    const state = this.indexed;
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

  /** Facts of files changed on disk: in the main thread, or in workers when there are many (a branch switch). */
  private async parseFromDisk(files: [string, FileStat][]): Promise<void> {
    if (files.length === 0) return;
    const collected = await collectFacts({
      root: this.root,
      files,
      maxFileBytes: this.settings.maxFileBytes,
      parser: this.mainParser,
      workers: this.workers,
    });
    for (const [file] of files) {
      const one = collected.get(file);
      if (!one?.facts) this.current.facts.delete(file);
      this.setCollected(file, one);
    }
  }

  /** Drops what is known of a deleted file, or of every file below a deleted folder. */
  private forget(rel: string): void {
    for (const map of [this.current.facts, this.notices]) {
      map.delete(rel);
      for (const file of map.keys()) if (file.startsWith(`${rel}/`)) map.delete(file);
    }
  }

  /** An open document's text: parsed incrementally against the file's previous tree. */
  private async setFacts(file: string, text: string, readNotices: Notice[]): Promise<void> {
    const facts = this.openTrees.extract(await this.mainParser(), file, text);
    this.current.facts.set(file, facts);
    this.notices.set(file, [...readNotices, ...syntaxNotice(file, facts)]);
  }

  /** Applies file changes; returns true when something the analysis reads changed. */
  async update(changes: FileChange[]): Promise<boolean> {
    this.storedAnalysis = undefined;
    this.parsePendingFacts(); // every file's facts in place before any change
    let layoutChanged = false;
    let configChanged = false;
    const fromDisk: [string, FileStat][] = [];
    for (const change of changes) {
      const rel = change.file;
      if (rel === CONFIG_FILE) configChanged = true;
      if (rel === STATE_FILE) {
        await this.lifecycle.readState();
        continue;
      }
      if (change.text === undefined) this.openTrees.drop(rel);
      if (change.kind === 'deleted') {
        layoutChanged = removeFromListing(this.current.listing, rel) || layoutChanged;
        this.forget(rel);
        continue;
      }
      const stat = change.text !== undefined ? { size: change.text.length, mtimeMs: Date.now() } : await statFile(this.root, rel);
      if (!stat) continue;
      layoutChanged = addToListing(this.current.listing, rel, stat) || isModuleFile(rel) || layoutChanged;
      if (!rel.endsWith('.go')) continue;
      if (change.text === undefined) fromDisk.push([rel, stat]);
      else await this.setFacts(rel, change.text, []);
    }
    await this.parseFromDisk(fromDisk);
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

  /** How many open documents keep a syntax tree for incremental parsing. */
  get openTreeCount(): number {
    return this.openTrees.size;
  }

  factsOf(file: string): FileFacts | undefined {
    return this.state?.facts.get(file) ?? this.pendingFacts.get(file)?.load();
  }

  /** The workspace's Go modules: folder and module path. */
  get modules(): ModuleInfo[] {
    return this.indexed.modules.map((m) => ({ dir: m.dir, modulePath: m.mod.modulePath }));
  }

  get fileCount(): number {
    return this.indexed.listing.goFiles.size;
  }

  allNotices(): Notice[] {
    return [...this.notices.values()].flat();
  }

  /** Replayed from the analysis cache right after an index that stored its key (see reuseAnalysis), else computed. */
  analyze(): EngineResult {
    const stored = this.storedAnalysis;
    this.storedAnalysis = undefined;
    const replayed = stored?.read();
    if (replayed) return replayed;
    const result = this.computeResult();
    stored?.write(result);
    return result;
  }

  private computeResult(): EngineResult {
    const analysis = analyzeWorkspace(this.current, this.settings, this.memo, this.lifecycleInputs());
    const findings = [
      ...this.configFindings,
      ...this.lifecycle.stateFindings,
      ...analysis.workspaceFindings,
      ...analysis.packages.flatMap((p) => p.findings),
    ];
    return { analysis, diagnostics: toDiagnostics(dedupe(findings), this.settings, (f) => this.factsOf(f)) };
  }

  report(result: EngineResult = this.analyze(), now = new Date()): Report {
    const report = buildReport({ root: this.root, modules: this.indexed.modules, result, notices: this.allNotices(), generatedAt: now });
    return { ...report, compatibility: this.compatibility() };
  }

  /** What backward compatibility was checked against, or why it was not. */
  compatibility(): Report['compatibility'] {
    const baseline = this.lifecycle.baseline;
    if (!baseline) return { notice: 'backward compatibility not computed yet' };
    return 'notice' in baseline ? { notice: baseline.notice } : { baselineRef: baseline.ref, baselineCommit: baseline.commit };
  }

  /** Applies a person's status transition (start alignment, mark verified, plan provider, ...) to the state file. */
  async transition(request: TransitionRequest): Promise<TransitionResult> {
    return this.lifecycle.transition(request, this.analyze().analysis.packages.map((p) => p.model));
  }

  dispose(): void {
    this.indexing?.abort();
    this.openTrees.clear();
    if (this.ownsParser) void this.parser?.then((parser) => parser.dispose(), () => undefined);
    this.parser = undefined;
  }
}

// Packages the analysis memo replays keep their finding objects, so an edit re-keys only new findings.
const findingKeys = new WeakMap<Finding, string>();

function findingKey(f: Finding): string {
  let key = findingKeys.get(f);
  if (key === undefined) {
    key = `${f.rule}\u0000${f.file}\u0000${f.range.start.line}:${f.range.start.character}\u0000${f.message}`;
    findingKeys.set(f, key);
  }
  return key;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = findingKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
