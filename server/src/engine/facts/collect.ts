// Facts for a whole listing: every Go file is read and hashed in the main
// thread; cached facts are taken as they are, the rest are parsed, in worker
// threads when there are enough of them to pay for starting the pool.
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Notice } from '../../../../common/schemas/report';
import { contentHash, type CachedFacts, type FactCache } from '../cache/factCache';
import type { GoParser } from '../parser';
import { decodeSource, readSource, type ReadResult } from '../workspace/read';
import { isSkippedDir, type FileStat } from '../workspace/walk';
import { FactsPool } from './pool';
import type { FileFacts } from './types';
import type { ExtractJob } from './workerProtocol';

/** Fewer files than this to parse: the main thread does it, no worker is started. */
export const PARALLEL_MIN_FILES = 64;
/**
 * Files read between two turns of the event loop. Reads are synchronous: for
 * source files, several times faster than fs.promises (one thread-pool round
 * trip per open, stat, read and close); the turns let worker replies in.
 */
const READ_CHUNK = 64;

export interface CollectOptions {
  root: string;
  files: [string, FileStat][];
  maxFileBytes: number;
  /** The main thread's parser, for small batches (and if the workers fail); made only when needed. */
  parser: () => Promise<GoParser>;
  cache?: FactCache;
  /** Worker threads to use; 0 parses everything in the main thread. */
  workers: number;
  /** Workers the caller started early (and closes); otherwise started here when there is enough to parse. */
  pool?: FactsPool;
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the collection (it rejects) and terminates the workers. */
  signal?: AbortSignal;
}

export interface CollectedFile {
  /** Facts extracted now; absent when the file was skipped or unreadable, or when they are cached. */
  facts?: FileFacts;
  /** Facts from the fact cache, parsed when first needed. */
  cached?: CachedFacts;
  /** Content hash of the bytes the facts come from (the fact cache's key). */
  hash?: string;
  readNotices: Notice[];
}

interface Miss {
  job: ExtractJob;
  hash: string;
  collected: CollectedFile;
}

class Collector {
  readonly results = new Map<string, CollectedFile>();
  private readonly waiting: Miss[] = [];
  /** Files too large or unreadable: their notices come from readSource, after the fast pass. */
  private readonly unusual: [string, FileStat][] = [];
  private readonly parsing: Promise<void>[] = [];
  private pool: FactsPool | undefined;
  private ownsPool = false;
  private done = 0;

  constructor(private readonly options: CollectOptions) {
    this.pool = options.pool;
    const coldCache = !options.cache || options.cache.storedCount === 0;
    if (!this.pool && coldCache && options.files.length >= PARALLEL_MIN_FILES) this.startPool();
    options.signal?.addEventListener('abort', () => void this.pool?.close(), { once: true });
  }

  async run(): Promise<Map<string, CollectedFile>> {
    try {
      const { files } = this.options;
      for (let start = 0; start < files.length; start += READ_CHUNK) {
        this.options.signal?.throwIfAborted();
        for (const [file, stat] of files.slice(start, start + READ_CHUNK)) this.readOne(file, stat);
        await nextTurn();
      }
      for (const [file, stat] of this.unusual) await this.readUnusual(file, stat);
      const inMainThread = this.waiting.splice(0);
      if (inMainThread.length > 0) {
        const parser = await this.options.parser();
        for (const miss of inMainThread) this.finish(miss, parser.extract(miss.job.text));
      }
      if (this.pool && this.parsing.length > 0) await this.shareWork(this.pool);
      await Promise.all(this.parsing);
      this.options.signal?.throwIfAborted();
      return this.results;
    } finally {
      if (this.ownsPool) await this.pool?.close();
    }
  }

  private readOne(file: string, stat: FileStat): void {
    if (stat.size > this.options.maxFileBytes) {
      this.unusual.push([file, stat]);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.options.root, file));
    } catch {
      this.unusual.push([file, stat]);
      return;
    }
    const hash = contentHash(bytes);
    const cached = this.options.cache?.lookup(hash);
    if (cached) return this.record(file, { cached, hash, readNotices: readNotices(bytes, file) });
    this.miss(file, hash, decodeSource(bytes, file));
  }

  private async readUnusual(file: string, stat: FileStat): Promise<void> {
    const read = await readSource(this.options.root, file, stat.size, this.options.maxFileBytes);
    if (read.text === undefined) return this.record(file, { readNotices: read.notices });
    this.miss(file, contentHash(Buffer.from(read.text)), read); // readable after all
  }

  private miss(file: string, hash: string, read: ReadResult): void {
    const collected: CollectedFile = { hash, readNotices: read.notices };
    this.results.set(file, collected);
    this.queue({ job: { file, text: read.text ?? '' }, hash, collected });
  }

  private queue(miss: Miss): void {
    this.waiting.push(miss);
    if (!this.pool && this.options.workers > 0 && this.waiting.length >= PARALLEL_MIN_FILES) this.startPool();
    if (!this.pool) return;
    for (const waiting of this.waiting.splice(0)) this.parsing.push(this.extractInPool(this.pool, waiting));
  }

  private async extractInPool(pool: FactsPool, miss: Miss): Promise<void> {
    let facts: FileFacts;
    try {
      facts = await pool.extract(miss.job);
    } catch {
      if (this.options.signal?.aborted) return; // run() rejects with the abort
      facts = (await this.options.parser()).extract(miss.job.text); // a worker failed: same facts, main thread
    }
    this.finish(miss, facts);
  }

  /**
   * The main thread extracts queued files too, from the end of the queue, one
   * at a time with a turn of the event loop in between (worker replies come in):
   * it works while the workers start, and the queue empties sooner.
   */
  private async shareWork(pool: FactsPool): Promise<void> {
    const parser = await this.options.parser();
    for (let taken = pool.takeQueued(); taken; taken = pool.takeQueued()) {
      this.options.signal?.throwIfAborted();
      try {
        taken.settle.resolve(parser.extract(taken.job.text));
      } catch (error) {
        taken.settle.reject(error instanceof Error ? error : new Error(String(error)));
      }
      await nextTurn();
    }
  }

  private startPool(): void {
    if (this.options.workers <= 0 || this.options.signal?.aborted) return;
    this.pool = new FactsPool({ size: this.options.workers });
    this.ownsPool = true;
  }

  private finish(miss: Miss, facts: FileFacts): void {
    miss.collected.facts = facts;
    this.options.cache?.put(miss.hash, facts);
    this.progress();
  }

  private record(file: string, collected: CollectedFile): void {
    this.results.set(file, collected);
    this.progress();
  }

  private progress(): void {
    this.done += 1;
    this.options.onProgress?.(this.done, this.options.files.length);
  }
}

/** Notices of reading `bytes` as UTF-8 (the same as decodeSource gives), without decoding valid files. */
function readNotices(bytes: Buffer, file: string): Notice[] {
  return isUtf8(bytes) && !bytes.includes(0) ? [] : decodeSource(bytes, file).notices;
}

/** Facts and read notices of every file, keyed by file (in no particular order). */
export function collectFacts(options: CollectOptions): Promise<Map<string, CollectedFile>> {
  return new Collector(options).run();
}

/**
 * True when `root` holds at least `count` Go files (skip rules as the walk's),
 * found without walking further than needed: lets the engine start workers
 * while it walks the folder, instead of after.
 */
export function hasGoFiles(root: string, count: number): boolean {
  let found = 0;
  const dirs = [root];
  for (let dir = dirs.pop(); dir !== undefined; dir = dirs.pop()) {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !isSkippedDir(entry.name)) dirs.push(path.join(dir, entry.name));
      else if (entry.isFile() && entry.name.endsWith('.go') && ++found >= count) return true;
    }
  }
  return false;
}
