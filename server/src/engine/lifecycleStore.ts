// What the engine keeps besides facts: the status state file (spec §8) and the
// git baseline for backward compatibility (spec §7), and the transitions a
// person asks for. Both are read at (re)index; the state file again when it
// changes on disk.
import { providerKey, type StateFile } from '../../../common/schemas/state';
import { loadBaseline, UNTRUSTED_NOTICE, type BaselineCache, type KnownFacts, type LoadedBaseline } from './compat';
import type { PackageModel } from './model/package';
import type { GoParser } from './parser';
import type { Finding } from './rules/finding';
import { applyTransition, readState, writeState, type TransitionFacts, type TransitionRequest, type TransitionResult } from './state';

export interface BaselineOptions {
  root: string;
  trusted: boolean;
  ref: string | undefined;
  packageDirs: string[];
  /** Called only when a baseline file must be parsed. */
  parser: () => Promise<GoParser>;
  /** Facts by content hash, so unchanged baseline files are not parsed. */
  known?: Promise<KnownFacts>;
  maxFileBytes: number;
}

export class LifecycleStore {
  /** The state file's content when it parses; undefined when absent from the analysis (unreadable). */
  state: StateFile | undefined;
  stateFindings: Finding[] = [];
  baseline: LoadedBaseline | undefined;
  private readonly baselineCache: BaselineCache = new Map();

  constructor(private readonly root: string) {}

  async readState(): Promise<void> {
    const read = await readState(this.root);
    this.state = read.readable ? read.state : undefined;
    this.stateFindings = read.findings;
  }

  async loadBaseline(options: BaselineOptions): Promise<void> {
    if (!options.trusted) {
      this.baseline = { notice: UNTRUSTED_NOTICE };
      return;
    }
    this.baseline = await loadBaseline({
      root: options.root,
      trusted: true,
      ref: options.ref,
      packageDirs: options.packageDirs,
      parser: options.parser,
      cache: this.baselineCache,
      ...(options.known ? { known: options.known } : {}),
      maxFileBytes: options.maxFileBytes,
    });
  }

  get compatNotice(): string | undefined {
    return this.baseline && 'notice' in this.baseline ? this.baseline.notice : undefined;
  }

  /** Applies a person's transition to the state file (atomically, never over a file that does not parse). */
  async transition(request: TransitionRequest, packages: PackageModel[]): Promise<TransitionResult> {
    const facts = transitionFacts(packages, new Date().toISOString());
    const result = await writeState(this.root, (state) => applyTransition(state, request, facts));
    await this.readState();
    return result;
  }
}

export function transitionFacts(packages: PackageModel[], now: string): TransitionFacts {
  return {
    now,
    packages: Object.fromEntries(packages.map((pkg) => [pkg.path, pkg.completionStatus])),
    providers: Object.fromEntries(
      packages.flatMap((pkg) => pkg.providers.map((p) => [providerKey(pkg.path, p.providerName), p.status] as const)),
    ),
    multimodal: Object.fromEntries(packages.flatMap((pkg) => (pkg.multimodal ? [[pkg.path, pkg.multimodal.status] as const] : []))),
  };
}
