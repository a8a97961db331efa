// The Go parser: web-tree-sitter with the tree-sitter-go grammar, and the fact
// extraction that turns a file's text into FileFacts. Trees and queries live in
// wasm memory, which is not garbage-collected: every Tree made here is deleted
// here unless handed to the caller (parseTree), and dispose() frees the rest.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { emptyFileFacts, extractFileFacts } from './facts/extract';
import { disposeQueries, loadQueries, type FactQueries } from './facts/queries';
import type { FileFacts } from './facts/types';

const GRAMMAR_FILE = 'tree-sitter-go.wasm';
const RUNTIME_FILE = 'web-tree-sitter.wasm';

/**
 * The `grammars/` folder holding tree-sitter-go.wasm, found by walking up from
 * this module: `server/src/engine/` when run from source, `dist/` when bundled.
 */
export function findGrammarsDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'grammars');
    if (existsSync(join(candidate, GRAMMAR_FILE))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`gocomply: no grammars/${GRAMMAR_FILE} above ${__dirname} (run \`npm run build\` to copy it)`);
}

// The wasm runtime is process-wide and initialised once; the first grammars
// folder asked for provides it. Languages are shared by every GoParser.
let runtime: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

function initRuntime(grammarsDir: string): Promise<void> {
  runtime ??= Parser.init({ locateFile: () => join(grammarsDir, RUNTIME_FILE) });
  return runtime;
}

function loadLanguage(grammarsDir: string): Promise<Language> {
  let language = languages.get(grammarsDir);
  if (!language) {
    language = Language.load(join(grammarsDir, GRAMMAR_FILE));
    languages.set(grammarsDir, language);
  }
  return language;
}

export class GoParser {
  private disposed = false;

  private constructor(
    private readonly parser: Parser,
    private readonly queries: FactQueries,
  ) {}

  static async create(grammarsDir: string = findGrammarsDir()): Promise<GoParser> {
    await initRuntime(grammarsDir);
    const language = await loadLanguage(grammarsDir);
    const queries = loadQueries(language, join(grammarsDir, 'queries'));
    try {
      const parser = new Parser();
      parser.setLanguage(language);
      return new GoParser(parser, queries);
    } catch (error) {
      disposeQueries(queries);
      throw error;
    }
  }

  /** Parses and extracts in one go; the tree is deleted before returning. */
  extract(text: string): FileFacts {
    const tree = this.parseOrNull(text);
    if (!tree) return emptyFileFacts(text);
    try {
      return extractFileFacts(tree, text, this.queries);
    } finally {
      tree.delete();
    }
  }

  /** A tree the caller owns and must `delete()`; pass the previous tree for an incremental parse. */
  parseTree(text: string, old?: Tree): Tree {
    const tree = this.parseOrNull(text, old);
    if (!tree) throw new Error('gocomply: tree-sitter returned no tree');
    return tree;
  }

  /** Facts of a tree from parseTree (or any tree of this grammar); the tree stays the caller's. */
  extractFromTree(tree: Tree, text: string): FileFacts {
    this.assertUsable();
    return extractFileFacts(tree, text, this.queries);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeQueries(this.queries);
    this.parser.delete();
  }

  private parseOrNull(text: string, old?: Tree): Tree | null {
    this.assertUsable();
    return this.parser.parse(text, old ?? null);
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('gocomply: GoParser used after dispose()');
  }
}
