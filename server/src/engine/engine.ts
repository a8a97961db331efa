// The engine's state for one workspace folder: listing, per-file facts,
// settings. Both the CLI and the language server drive it.
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
import { walkWorkspace } from './workspace/walk';

export interface EngineOptions {
  settings?: SettingsInput;
  trusted?: boolean;
  parser?: GoParser;
  /** Called as files are parsed (done, total), for progress reporting. */
  onProgress?: (done: number, total: number) => void;
}

export interface EngineResult {
  analysis: WorkspaceAnalysis;
  diagnostics: EngineDiagnostic[];
}

function syntaxNotice(file: string, facts: FileFacts): Notice[] {
  const { count, first } = facts.syntaxErrors;
  if (count === 0) return [];
  const at = first[0] ? ` (first at ${first[0].start.line + 1}:${first[0].start.character + 1})` : '';
  return [{ file, message: `${count} syntax error${count === 1 ? '' : 's'}${at}: facts come from the parts that parse` }];
}

export class Engine {
  private constructor(
    readonly root: string,
    readonly settings: Settings,
    private readonly configFindings: Finding[],
    private readonly state: WorkspaceState,
    readonly notices: Notice[],
  ) {}

  static async open(root: string, options: EngineOptions = {}): Promise<Engine> {
    const absolute = path.resolve(root);
    const { settings, findings } = loadSettings(await readTextIfExists(path.join(absolute, CONFIG_FILE)), options.settings);
    const listing = await walkWorkspace(absolute);
    const otherTexts = new Map<string, string>();
    for (const rel of listing.otherFiles.keys()) {
      if (rel.endsWith('go.mod') || rel === 'go.work') otherTexts.set(rel, (await readTextIfExists(path.join(absolute, rel))) ?? '');
    }
    const modules = findModules(listing, (rel) => otherTexts.get(rel));
    const packages = findPackages(listing, modules, settings.packageRoots);
    const moduleDirs = modules.map((m) => m.dir);
    const [coverageFiles, benchmarkFiles] = await Promise.all([
      findConfiguredFiles(absolute, moduleDirs, settings.coverage.profiles),
      findConfiguredFiles(absolute, moduleDirs, settings.benchmarks.results),
    ]);
    const state: WorkspaceState = { listing, modules, packages, facts: new Map(), coverageFiles, benchmarkFiles };
    const engine = new Engine(absolute, settings, findings, state, []);
    await engine.parseAll(options);
    return engine;
  }

  private async parseAll(options: EngineOptions): Promise<void> {
    const parser = options.parser ?? (await GoParser.create());
    const files = [...this.state.listing.goFiles];
    let done = 0;
    try {
      for (const [file, stat] of files) {
        const read = await readSource(this.root, file, stat.size, this.settings.maxFileBytes);
        this.notices.push(...read.notices);
        if (read.text !== undefined) this.setFacts(file, parser.extract(read.text));
        options.onProgress?.(++done, files.length);
      }
    } finally {
      if (!options.parser) parser.dispose();
    }
  }

  setFacts(file: string, facts: FileFacts): void {
    this.state.facts.set(file, facts);
    this.notices.push(...syntaxNotice(file, facts));
  }

  factsOf(file: string): FileFacts | undefined {
    return this.state.facts.get(file);
  }

  get moduleCount(): number {
    return this.state.modules.length;
  }

  analyze(): EngineResult {
    const analysis = analyzeWorkspace(this.state, this.settings);
    const findings = [...this.configFindings, ...analysis.workspaceFindings, ...analysis.packages.flatMap((p) => p.findings)];
    return { analysis, diagnostics: toDiagnostics(dedupe(findings), this.settings, (f) => this.factsOf(f)) };
  }

  report(result: EngineResult = this.analyze(), now = new Date()): Report {
    return buildReport({
      root: this.root,
      modules: this.state.modules,
      result,
      notices: this.notices,
      generatedAt: now,
    });
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
