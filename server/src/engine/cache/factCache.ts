// The fact cache: FileFacts by content hash, for one workspace root, in a few
// shard files under the cache folder (16, by the hash's first hex digit), so a
// 24k-file workspace is not 24k files on disk and a save rewrites only the
// shards that changed. Saving is best effort and atomic (temp file + rename).
//
// A shard is a header line (format, identity, entry count, sha1 of the rest)
// and one line per entry: `hash \t E \t facts-JSON`, E being 1 when the facts
// hold syntax errors. Opening reads the bytes, checks the header and the sha1
// and indexes the lines, but parses no entry: an entry's JSON is parsed when
// its facts are first asked for (a warm audit whose analysis is replayed asks
// for none), and written back verbatim when still in use. A shard that is not
// ours, of another identity, truncated or altered is ignored whole.
import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../facts/types';

const FORMAT = 'gocomply-fact-cache-2';
const SHARDS = 16;
const NEWLINE = 0x0a;
const HASH_LENGTH = 40;
/** `hash\tE\t`: where an entry's JSON starts in its line. */
const JSON_OFFSET = HASH_LENGTH + 3;

interface ShardHeader {
  format: typeof FORMAT;
  identity: string;
  entries: number;
  sha1: string;
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

function isHeader(value: unknown, identity: string): value is ShardHeader {
  return (
    isRecord(value) &&
    value['format'] === FORMAT &&
    value['identity'] === identity &&
    typeof value['entries'] === 'number' &&
    typeof value['sha1'] === 'string'
  );
}

function shardOf(hash: string): number {
  return Number.parseInt(hash.charAt(0), 16) % SHARDS;
}

/** Cached facts of one content hash: read from a shard and parsed on first use, or put by this run. */
export class CachedFacts {
  private constructor(
    /** The entry's JSON bytes in its shard; absent for facts put by this run (serialised when saved). */
    private readonly json: Buffer | undefined,
    private parsed: FileFacts | undefined,
    readonly hasSyntaxErrors: boolean,
  ) {}

  static stored(json: Buffer, hasSyntaxErrors: boolean): CachedFacts {
    return new CachedFacts(json, undefined, hasSyntaxErrors);
  }

  static of(facts: FileFacts): CachedFacts {
    return new CachedFacts(undefined, facts, facts.syntaxErrors.count > 0);
  }

  /** The facts; throws only if a checksummed entry does not parse, which a sound disk never gives. */
  load(): FileFacts {
    if (!this.parsed) {
      const facts: unknown = JSON.parse(this.json?.toString('utf8') ?? 'null');
      if (!looksLikeFacts(facts)) throw new Error('gocomply: a fact cache entry does not hold facts');
      this.parsed = facts;
    }
    return this.parsed;
  }

  /** The entry's line in a shard: its bytes as read, or the facts serialised now. */
  line(hash: string): Buffer {
    const json = this.json ?? Buffer.from(JSON.stringify(this.parsed));
    return Buffer.concat([Buffer.from(`${hash}\t${this.hasSyntaxErrors ? 1 : 0}\t`, 'latin1'), json, Buffer.of(NEWLINE)]);
  }
}

export class FactCache {
  /** Entries read from disk, by shard. */
  private readonly stored: Map<string, CachedFacts>[];
  /** Entries of the current workspace, by shard: what a save writes. */
  private readonly used: Map<string, CachedFacts>[];

  private constructor(
    readonly dir: string,
    private readonly identity: string,
    stored: Map<string, CachedFacts>[],
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

  /** The cached entry of content `hash` (not parsed yet), marking it as still in use. */
  lookup(hash: string): CachedFacts | undefined {
    const shard = shardOf(hash);
    const cached = this.stored[shard]?.get(hash) ?? this.used[shard]?.get(hash);
    if (cached) this.used[shard]?.set(hash, cached);
    return cached;
  }

  /** Cached facts of content `hash`, parsed now, marking the entry as still in use. */
  get(hash: string): FileFacts | undefined {
    return this.lookup(hash)?.load();
  }

  put(hash: string, facts: FileFacts): void {
    this.used[shardOf(hash)]?.set(hash, CachedFacts.of(facts));
  }

  /**
   * Writes the entries used since open() (those of files gone or changed are
   * dropped), rewriting only shards that differ from disk. Never throws: a
   * cache that cannot be written is only a slower next start.
   */
  async save(): Promise<void> {
    try {
      await fs.mkdir(this.dir, { recursive: true });
      // One shard at a time: a 24k-file cache is ~100 MB of text, better not all in memory at once.
      for (const [index, entries] of this.used.entries()) if (!this.unchanged(index)) await this.writeShard(index, entries);
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

  private async writeShard(index: number, entries: Map<string, CachedFacts>): Promise<void> {
    const target = shardPath(this.dir, index);
    if (entries.size === 0) {
      await fs.rm(target, { force: true });
      return;
    }
    const body = Buffer.concat([...entries].map(([hash, cached]) => cached.line(hash)));
    const header: ShardHeader = { format: FORMAT, identity: this.identity, entries: entries.size, sha1: contentHash(body) };
    const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
      await fs.rename(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}

function shardPath(dir: string, index: number): string {
  return path.join(dir, `facts-${index.toString(16)}.shard`);
}

async function readShard(dir: string, index: number, identity: string): Promise<Map<string, CachedFacts>> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(shardPath(dir, index));
  } catch {
    return new Map(); // absent
  }
  const headerEnd = bytes.indexOf(NEWLINE);
  if (headerEnd < 0) return new Map();
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, headerEnd));
  } catch {
    return new Map(); // not ours
  }
  const body = bytes.subarray(headerEnd + 1);
  if (!isHeader(header, identity) || contentHash(body) !== header.sha1) return new Map();
  const entries = indexEntries(body, index);
  return entries.size === header.entries ? entries : new Map();
}

/** The entries of a checked shard body, their JSON left unparsed; a malformed line empties the shard. */
function indexEntries(body: Buffer, index: number): Map<string, CachedFacts> {
  const entries = new Map<string, CachedFacts>();
  for (let start = 0; start < body.length; ) {
    const end = body.indexOf(NEWLINE, start);
    if (end < 0 || end - start <= JSON_OFFSET) return new Map();
    const hash = body.toString('latin1', start, start + HASH_LENGTH);
    const flag = body[start + HASH_LENGTH + 1];
    if (!/^[0-9a-f]{40}$/.test(hash) || shardOf(hash) !== index || body[start + HASH_LENGTH] !== 0x09) return new Map();
    entries.set(hash, CachedFacts.stored(body.subarray(start + JSON_OFFSET, end), flag === 0x31));
    start = end + 1;
  }
  return entries;
}
