// Facts for a whole listing: every Go file is read and hashed in the main
// thread; cached facts are taken as they are, the rest are parsed, in worker
// threads when there are enough of them to pay for starting the pool.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Notice } from '../../../../common/schemas/report';
import { contentHash, type FactCache } from '../cache/factCache';
import type { GoParser } from '../parser';
import { decodeSource } from '../workspace/read';
import type { FileStat } from '../workspace/walk';
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
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the collection (it rejects) and terminates the workers. */
  signal?: AbortSignal;
}

export interface CollectedFile {
  /** Absent when the file was skipped or unreadable. */
  facts?: FileFacts;
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
  private readonly parsing: Promise<void>[] = [];
  private pool: FactsPool | undefined;
  private done = 0;

  constructor(private readonly options: CollectOptions) {
    const coldCache = !options.cache || options.cache.storedCount === 0;
    if (coldCache && options.files.length >= PARALLEL_MIN_FILES) this.startPool();
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
      const inMainThread = this.waiting.splice(0);
      if (inMainThread.length > 0) {
        const parser = await this.options.parser();
        for (const miss of inMainThread) this.finish(miss, parser.extract(miss.job.text));
      }
      await Promise.all(this.parsing);
      this.options.signal?.throwIfAborted();
      return this.results;
    } finally {
      await this.pool?.close();
    }
  }

  private readOne(file: string, stat: FileStat): void {
    const { maxFileBytes, cache } = this.options;
    if (stat.size > maxFileBytes) {
      return this.record(file, { readNotices: [{ file, message: `skipped: ${stat.size} bytes is over maxFileBytes (${maxFileBytes})` }] });
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.options.root, file));
    } catch (error) {
      return this.record(file, { readNotices: [{ file, message: `unreadable: ${error instanceof Error ? error.message : String(error)}` }] });
    }
    const hash = contentHash(bytes);
    const cached = cache?.get(hash);
    if (cached) return this.record(file, { facts: cached, readNotices: readNotices(bytes, file) });
    const decoded = decodeSource(bytes, file);
    const collected: CollectedFile = { readNotices: decoded.notices };
    this.results.set(file, collected);
    this.queue({ job: { file, text: decoded.text ?? '' }, hash, collected });
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

  private startPool(): void {
    if (this.options.workers > 0 && !this.options.signal?.aborted) this.pool = new FactsPool({ size: this.options.workers });
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
