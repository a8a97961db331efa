// The fact cache: FileFacts by content hash, for one workspace root, in a few
// shard files under the cache folder (16, by the hash's first hex digit), so a
// 24k-file workspace is not 24k files on disk and a save rewrites only the
// shards that changed. Every shard names the cache identity it was written
// with; a shard that does not parse, is not ours or is of another identity is
// ignored. Saving is best effort and atomic (temp file + rename).
import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../facts/types';

const FORMAT = 'gocomply-fact-cache';
const SHARDS = 16;

interface ShardFile {
  format: typeof FORMAT;
  identity: string;
  entries: Record<string, FileFacts>;
}

/** Content hash of a file's bytes, the key of its facts. crypto.hash (one call, no Hash object) is Node ≥ 20.12. */
export function contentHash(bytes: Uint8Array): string {
  if (typeof crypto.hash === 'function') return crypto.hash('sha1', bytes, 'hex');
  return crypto.createHash('sha1').update(bytes).digest('hex');
}

/** The folder under `cacheDir` that holds the cache of `root` (several roots may share one cacheDir). */
export function rootCacheDir(cacheDir: string, root: string): string {
  return path.join(cacheDir, crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cheap shape check: enough to reject garbage, not a full validation. */
function looksLikeFacts(value: unknown): value is FileFacts {
  return (
    isRecord(value) &&
    Array.isArray(value['funcs']) &&
    Array.isArray(value['imports']) &&
    Array.isArray(value['types']) &&
    isRecord(value['syntaxErrors']) &&
    typeof value['lineCount'] === 'number'
  );
}

function shardOf(hash: string): number {
  return Number.parseInt(hash.charAt(0), 16) % SHARDS;
}

export class FactCache {
  /** Entries read from disk, by shard. */
  private readonly stored: Map<string, FileFacts>[];
  /** Entries of the current workspace, by shard: what a save writes. */
  private readonly used: Map<string, FileFacts>[];

  private constructor(
    readonly dir: string,
    private readonly identity: string,
    stored: Map<string, FileFacts>[],
  ) {
    this.stored = stored;
    this.used = stored.map(() => new Map());
  }

  /** Reads the cache in `dir`; missing, corrupt or foreign shards count as empty. */
  static async open(dir: string, identity: string): Promise<FactCache> {
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, index) => readShard(dir, index, identity)));
    return new FactCache(dir, identity, shards);
  }

  /** Entries read from disk. */
  get storedCount(): number {
    return this.stored.reduce((sum, shard) => sum + shard.size, 0);
  }

  /** Cached facts of content `hash`, marking the entry as still in use. */
  get(hash: string): FileFacts | undefined {
    const shard = shardOf(hash);
    const facts = this.stored[shard]?.get(hash);
    if (facts) this.used[shard]?.set(hash, facts);
    return facts;
  }

  put(hash: string, facts: FileFacts): void {
    this.used[shardOf(hash)]?.set(hash, facts);
  }

  /**
   * Writes the entries used since open() (those of files gone or changed are
   * dropped), rewriting only shards that differ from disk. Never throws: a
   * cache that cannot be written is only a slower next start.
   */
  async save(): Promise<void> {
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await Promise.all(this.used.map((entries, index) => (this.unchanged(index) ? undefined : this.writeShard(index, entries))));
    } catch {
      // read-only or full disk: keep going without a cache
    }
  }

  private unchanged(index: number): boolean {
    const stored = this.stored[index];
    const used = this.used[index];
    if (!stored || !used || stored.size !== used.size) return false;
    for (const hash of used.keys()) if (!stored.has(hash)) return false;
    return true;
  }

  private async writeShard(index: number, entries: Map<string, FileFacts>): Promise<void> {
    const target = shardPath(this.dir, index);
    if (entries.size === 0) {
      await fs.rm(target, { force: true });
      return;
    }
    const shard: ShardFile = { format: FORMAT, identity: this.identity, entries: Object.fromEntries(entries) };
    const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, JSON.stringify(shard));
      await fs.rename(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}

function shardPath(dir: string, index: number): string {
  return path.join(dir, `facts-${index.toString(16)}.json`);
}

async function readShard(dir: string, index: number, identity: string): Promise<Map<string, FileFacts>> {
  const entries = new Map<string, FileFacts>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(shardPath(dir, index), 'utf8'));
  } catch {
    return entries; // absent or not JSON
  }
  if (!isRecord(parsed) || parsed['format'] !== FORMAT || parsed['identity'] !== identity) return entries;
  const stored = parsed['entries'];
  if (!isRecord(stored)) return entries;
  for (const [hash, facts] of Object.entries(stored)) {
    if (/^[0-9a-f]{40}$/.test(hash) && shardOf(hash) === index && looksLikeFacts(facts)) entries.set(hash, facts);
  }
  return entries;
}
