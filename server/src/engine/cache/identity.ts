// What a cached FileFacts depends on besides the file's bytes: the engine and
// facts versions, the grammar and runtime (versions and wasm bytes), the fact
// queries, and the extraction code itself, so that a cache written by another
// build is never read as if it were ours.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import manifest from '../../../../package.json';
import { VERSION } from '../../../../common/version';
import { FACTS_SCHEMA_VERSION } from '../facts/schemaVersion';
import { findGrammarsDir } from '../parser';

/** Files whose bytes decide what extraction produces, for the running build. */
function extractionCodeFiles(): string[] {
  // Bundled: this file is part of dist/cli.js or dist/server.js, and dist/worker.js
  // holds the whole extraction (parser, queries code, facts) of the same build.
  if (!__filename.endsWith('.ts')) return [join(__dirname, 'worker.js')].filter(existsSync);
  const engineDir = join(__dirname, '..');
  const factsDir = join(engineDir, 'facts');
  const facts = readdirSync(factsDir).filter((name) => name.endsWith('.ts')).sort();
  return [join(engineDir, 'parser.ts'), ...facts.map((name) => join(factsDir, name))];
}

function grammarFiles(grammarsDir: string): string[] {
  const queriesDir = join(grammarsDir, 'queries');
  const queries = existsSync(queriesDir) ? readdirSync(queriesDir).filter((n) => n.endsWith('.scm')).sort() : [];
  return [join(grammarsDir, 'tree-sitter-go.wasm'), join(grammarsDir, 'web-tree-sitter.wasm'), ...queries.map((n) => join(queriesDir, n))];
}

function hashFiles(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.slice(file.lastIndexOf('/') + 1)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export interface CacheIdentity {
  engine: string;
  factsSchema: number;
  grammar: string;
  runtime: string;
  /** sha256 of the wasm files, queries and extraction code. */
  code: string;
}

const identities = new Map<string, string>();

export function describeIdentity(grammarsDir: string = findGrammarsDir()): CacheIdentity {
  return {
    engine: VERSION,
    factsSchema: FACTS_SCHEMA_VERSION,
    grammar: `tree-sitter-go ${manifest.dependencies['tree-sitter-go']}`,
    runtime: `web-tree-sitter ${manifest.dependencies['web-tree-sitter']}`,
    code: hashFiles([...grammarFiles(grammarsDir), ...extractionCodeFiles()]),
  };
}

/** One string naming the identity; computed once per grammars folder and process. */
export function cacheIdentity(grammarsDir: string = findGrammarsDir()): string {
  let identity = identities.get(grammarsDir);
  if (identity === undefined) {
    identity = createHash('sha256').update(JSON.stringify(describeIdentity(grammarsDir))).digest('hex');
    identities.set(grammarsDir, identity);
  }
  return identity;
}
