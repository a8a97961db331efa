// The packages' Go files at the baseline commit, read from git without touching
// the work tree or the index (rev-parse, ls-tree, one cat-file --batch) and
// parsed with the same GoParser as the current code. Paths in git are relative
// to the repository's top level, which may be above the workspace root. A blob
// whose bytes are those of a file already extracted (same content hash) takes
// that file's facts: most baseline files are unchanged, and are not parsed twice.
import { isUtf8 } from 'node:buffer';
import { contentHash } from '../cache/factCache';
import type { FileFacts } from '../facts/types';
import type { GoParser } from '../parser';
import { parseTreeListing, readBlobs, runGit, type GitOutcome, type TreeEntry } from './git';

export const UNTRUSTED_NOTICE = 'backward compatibility needs a trusted workspace';
export const DEFAULT_BASELINE_REFS = ['origin/main', 'main', 'HEAD'] as const;
const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
const SKIPPED_SEGMENTS = new Set(['vendor', 'node_modules', 'testdata']);

export interface Baseline {
  /** The ref that resolved: the setting's, else the first of origin/main, main, HEAD that exists. */
  ref: string;
  commit: string;
  /** Baseline Go files by package folder: workspace-relative path and facts, sorted by path. */
  files: Map<string, [string, FileFacts][]>;
}

export type BaselineResult = Baseline | { notice: string };

/** Facts of baseline files by git object id: a blob's facts never change, so they can be kept across runs. */
export type BaselineCache = Map<string, FileFacts>;

/** File facts of one file's text; `file` is the workspace-relative path, for messages. */
export type ExtractFacts = (file: string, text: string) => FileFacts | Promise<FileFacts>;

/** Facts already known by content hash (the engine's fact cache and this run's files); new ones are put back. */
export interface KnownFacts {
  get(hash: string): FileFacts | undefined;
  put(hash: string, facts: FileFacts): void;
}

/** A parser, or a way to make one only when some blob needs parsing. */
export type ParserSource = GoParser | (() => Promise<GoParser>);

export interface ReadBaselineOptions {
  /** Absolute workspace root. */
  root: string;
  /** `compat.baselineRef`; when absent, origin/main, then main, then HEAD. */
  ref?: string | undefined;
  /** Workspace-relative package folders; each file goes to the deepest folder holding it. */
  packageDirs: string[];
  parser: ParserSource;
  /** Parses instead of `parser`, e.g. through the engine's worker pool (much faster on large baselines). */
  extract?: ExtractFacts | undefined;
  cache?: BaselineCache;
  /** Facts by content hash; a promise lets git run while the engine is still extracting the current files. */
  known?: KnownFacts | Promise<KnownFacts>;
  maxFileBytes?: number;
  /** The git executable (tests); `git` from PATH by default. */
  git?: string;
}

export async function readBaseline(options: ReadBaselineOptions): Promise<BaselineResult> {
  try {
    const repository = await locateRepository(options);
    if ('notice' in repository) return repository;
    const resolved = await resolveRef(repository.top, options);
    if ('notice' in resolved) return resolved;
    if (options.packageDirs.length === 0) return { ...resolved, files: new Map() };
    const listArgs = ['ls-tree', '-r', '-z', '--full-tree', resolved.commit, '--', ...pathspecs(repository.prefix, options.packageDirs)];
    const listing = await runGit(repository.top, listArgs, gitOptions(options));
    if (!listing.ok) return failed('git ls-tree', listing);
    const wanted = selectFiles(parseTreeListing(listing.stdout), repository.prefix);
    const facts = await factsOf(repository.top, wanted, options);
    if ('notice' in facts) return facts;
    return { ...resolved, files: groupByPackage(wanted, facts, options.packageDirs) };
  } catch (error) {
    return { notice: `backward compatibility skipped: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function locateRepository(options: ReadBaselineOptions): Promise<{ top: string; prefix: string } | { notice: string }> {
  const outcome = await runGit(options.root, ['rev-parse', '--show-toplevel', '--show-prefix'], gitOptions(options));
  if (!outcome.ok && outcome.missing) return { notice: 'backward compatibility skipped: git was not found' };
  if (!outcome.ok) return { notice: `backward compatibility skipped: the workspace is not in a git repository (${outcome.message})` };
  const [top = '', prefix = ''] = outcome.stdout.toString('utf8').split(/\r?\n/);
  if (top === '') return { notice: 'backward compatibility skipped: the workspace is not in a git work tree' };
  // The prefix is the workspace root's path below the top level, `sub/ws/` (or empty).
  return { top, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

async function resolveRef(top: string, options: ReadBaselineOptions): Promise<{ ref: string; commit: string } | { notice: string }> {
  const candidates = options.ref !== undefined ? [options.ref] : [...DEFAULT_BASELINE_REFS];
  for (const ref of candidates) {
    // A leading dash would be read as an option.
    if (ref.startsWith('-')) continue;
    const outcome = await runGit(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], gitOptions(options));
    if (outcome.ok) return { ref, commit: outcome.stdout.toString('utf8').trim() };
  }
  const tried = candidates.map((ref) => `'${ref}'`).join(', ');
  return {
    notice:
      options.ref !== undefined
        ? `backward compatibility skipped: the baseline ref ${tried} (compat.baselineRef) does not name a commit`
        : `backward compatibility skipped: none of ${tried} names a commit (set compat.baselineRef)`,
  };
}

/** Top-level-relative pathspecs of the package folders; the whole workspace when a package is the root itself. */
function pathspecs(prefix: string, packageDirs: string[]): string[] {
  if (packageDirs.includes('')) return prefix === '' ? [] : [prefix.slice(0, -1)];
  return packageDirs.map((dir) => `${prefix}${dir}`);
}

interface WantedFile extends TreeEntry {
  /** Workspace-relative path. */
  rel: string;
}

/** Non-test `.go` files below the workspace root, outside skipped folders. */
function selectFiles(entries: TreeEntry[], prefix: string): WantedFile[] {
  return entries.flatMap((entry) => {
    if (!entry.path.startsWith(prefix)) return [];
    const rel = entry.path.slice(prefix.length);
    if (!rel.endsWith('.go') || rel.endsWith('_test.go')) return [];
    const skipped = rel.split('/').slice(0, -1).some((segment) => segment.startsWith('.') || SKIPPED_SEGMENTS.has(segment));
    return skipped ? [] : [{ ...entry, rel }];
  });
}

/** Facts by object id: from the cache, else read with one cat-file and parsed; files over the size limit are left out. */
async function factsOf(top: string, files: WantedFile[], options: ReadBaselineOptions): Promise<Map<string, FileFacts> | { notice: string }> {
  const facts = new Map<string, FileFacts>();
  const toRead = new Map<string, string>();
  for (const file of files) {
    const cached = options.cache?.get(file.objectId);
    if (cached) facts.set(file.objectId, cached);
    else toRead.set(file.objectId, file.rel);
  }
  const blobs = await readBlobs(top, [...toRead.keys()], gitOptions(options));
  if (!(blobs instanceof Map)) return failed('git cat-file', blobs);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const extract = extractor(options, await options.known);
  const parsing = [...blobs].filter(([, content]) => content.length <= maxBytes).map(async ([objectId, content]) => {
    const parsed = apiFacts(await extract(toRead.get(objectId) ?? objectId, content));
    facts.set(objectId, parsed);
    options.cache?.set(objectId, parsed);
  });
  await Promise.all(parsing);
  return facts;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Facts of a blob: known ones when its bytes read the same as a workspace
 * file's (valid UTF-8 without a BOM: the engine's decoder drops a BOM,
 * Buffer#toString keeps it), else parsed, and remembered.
 */
function extractor(options: ReadBaselineOptions, known: KnownFacts | undefined): (file: string, content: Buffer) => Promise<FileFacts> {
  let parser: Promise<GoParser> | undefined;
  const parse: ExtractFacts =
    options.extract ??
    (async (_file, text) => {
      const source = options.parser;
      parser ??= typeof source === 'function' ? source() : Promise.resolve(source);
      return (await parser).extract(text);
    });
  return async (file, content) => {
    const plain = isUtf8(content) && !UTF8_BOM.every((byte, index) => content[index] === byte);
    const hash = plain && known ? contentHash(content) : undefined;
    const facts = hash === undefined ? undefined : known?.get(hash);
    if (facts) return facts;
    const parsed = await parse(file, content.toString('utf8'));
    if (hash !== undefined) known?.put(hash, parsed);
    return parsed;
  };
}

/** The facts the exported API is made of; calls, metrics and the like are dropped so cached baselines stay small. */
function apiFacts(facts: FileFacts): FileFacts {
  return {
    ...facts,
    types: facts.types.map(({ text: _text, ...type }) => type),
    funcs: facts.funcs.map((func) => ({ ...func, calls: [], spanStarts: [], logCalls: [] })),
    metrics: [],
    unstructuredCalls: [],
    notImplementedPanics: [],
    comments: [],
    tests: [],
    urlLiterals: [],
  };
}

function groupByPackage(files: WantedFile[], facts: Map<string, FileFacts>, packageDirs: string[]): Map<string, [string, FileFacts][]> {
  const deepestFirst = [...new Set(packageDirs)].sort((a, b) => b.length - a.length);
  const grouped = new Map<string, [string, FileFacts][]>(packageDirs.map((dir) => [dir, []]));
  for (const file of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) {
    const dir = deepestFirst.find((candidate) => candidate === '' || file.rel.startsWith(`${candidate}/`));
    const fileFacts = facts.get(file.objectId);
    if (dir !== undefined && fileFacts) grouped.get(dir)?.push([file.rel, fileFacts]);
  }
  return grouped;
}

function gitOptions(options: ReadBaselineOptions): { git?: string } {
  return options.git !== undefined ? { git: options.git } : {};
}

function failed(what: string, outcome: GitOutcome): { notice: string } {
  const message = outcome.ok ? 'unexpected output' : outcome.message;
  return { notice: `backward compatibility skipped: ${what} failed (${message})` };
}
