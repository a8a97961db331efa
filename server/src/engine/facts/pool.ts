// A pool of fact-extraction workers (facts/worker.ts): one per core, at least
// two, each loading the grammar once. Files are submitted one at a time and
// sent in batches, so a worker is never idle while there is work queued.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from './types';
import type { BatchRequest, ExtractJob, WorkerReply, WorkerSetup } from './workerProtocol';

export interface PoolOptions {
  /** Number of workers; default max(2, available parallelism). */
  size?: number;
  grammarsDir?: string;
}

const BATCH_FILES = 32;
const BATCH_CHARS = 256 * 1024;
/** Batches a worker holds at once: the next one is waiting when the current one is done. */
const IN_FLIGHT = 2;

export function defaultPoolSize(): number {
  return Math.max(2, os.availableParallelism());
}

/**
 * How to start a worker: dist/worker.js beside the bundle; when run from
 * source, worker.ts through tsx's CommonJS loader (Node 20 does not apply an
 * `--import` loader to a worker's entry module).
 */
export function workerEntry(): { script: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    const tsx = require.resolve('tsx/cjs/api');
    const source = join(__dirname, 'worker.ts');
    return { script: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, eval: true };
  }
  const bundled = join(__dirname, 'worker.js');
  if (!existsSync(bundled)) throw new Error(`gocomply: no worker bundle at ${bundled} (run \`npm run build\`)`);
  return { script: bundled, eval: false };
}

function parseFacts(json: string): FileFacts[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : [];
}

interface Settle {
  resolve(facts: FileFacts): void;
  reject(error: Error): void;
}

interface Pending {
  jobs: ExtractJob[];
  settle: Settle[];
}

/** A queued job taken back by the caller, who extracts it and settles it. */
export interface TakenJob {
  job: ExtractJob;
  settle: Settle;
}

interface WorkerEvents {
  /** The worker is ready, or finished a batch: it can take more. */
  onAvailable(): void;
  onFailed(): void;
}

class PoolWorker {
  readonly ready: Promise<void>;
  private readonly thread: Worker;
  private readonly pending = new Map<number, Pending>();
  private isReady = false;
  private failure: Error | undefined;

  constructor(setup: WorkerSetup, events: WorkerEvents) {
    const entry = workerEntry();
    this.thread = new Worker(entry.script, { workerData: setup, eval: entry.eval });
    this.ready = new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        if (this.fail(error)) events.onFailed();
        reject(error);
      };
      this.thread.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'failed') return fail(new Error(`gocomply: fact worker failed: ${reply.message}`));
        if (reply.kind === 'ready') {
          this.isReady = true;
          resolve();
        } else {
          this.settle(reply.id, parseFacts(reply.json));
        }
        events.onAvailable();
      });
      this.thread.on('error', fail);
      this.thread.on('exit', (code) => fail(new Error(`gocomply: fact worker exited (code ${code})`)));
    });
    this.ready.catch(() => undefined); // failures are reported through events.onFailed
  }

  /** Batches held, or undefined when the worker cannot take any. */
  get load(): number | undefined {
    return this.isReady && !this.failure ? this.pending.size : undefined;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  send(id: number, batch: Pending): void {
    this.pending.set(id, batch);
    const request: BatchRequest = { id, jobs: batch.jobs };
    this.thread.postMessage(request);
  }

  terminate(): Promise<number> {
    this.fail(new Error('gocomply: fact pool closed'));
    return this.thread.terminate();
  }

  private settle(id: number, facts: FileFacts[]): void {
    const batch = this.pending.get(id);
    this.pending.delete(id);
    batch?.settle.forEach((s, index) => {
      const one = facts[index];
      if (one) s.resolve(one);
      else s.reject(new Error('gocomply: fact worker returned too few results'));
    });
  }

  /** Rejects what the worker holds; false when it had already failed. */
  private fail(error: Error): boolean {
    if (this.failure) return false;
    this.failure = error;
    for (const batch of this.pending.values()) for (const s of batch.settle) s.reject(error);
    this.pending.clear();
    return true;
  }
}

export class FactsPool {
  private readonly workers: PoolWorker[];
  private readonly queue: Pending = { jobs: [], settle: [] };
  private nextId = 0;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    const setup: WorkerSetup = options.grammarsDir === undefined ? {} : { grammarsDir: options.grammarsDir };
    const size = options.size ?? defaultPoolSize();
    const events: WorkerEvents = { onAvailable: () => this.dispatch(), onFailed: () => this.failQueueIfNoneLeft() };
    this.workers = Array.from({ length: size }, () => new PoolWorker(setup, events));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Resolves when every worker has loaded the grammar; rejects if one could not. */
  async whenReady(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ready));
  }

  extract(job: ExtractJob): Promise<FileFacts> {
    if (this.closed) return Promise.reject(new Error('gocomply: fact pool closed'));
    if (this.workers.every((w) => w.failed)) return Promise.reject(new Error('gocomply: every fact worker failed'));
    return new Promise((resolve, reject) => {
      this.queue.jobs.push(job);
      this.queue.settle.push({ resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Takes back the last job still queued (not yet sent to a worker), so the
   * calling thread can extract it itself: the main thread shares the work while
   * the workers start, and shortens the tail. Undefined when nothing is queued.
   */
  takeQueued(): TakenJob | undefined {
    const job = this.queue.jobs.pop();
    const settle = this.queue.settle.pop();
    return job && settle ? { job, settle } : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectQueued(new Error('gocomply: fact pool closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.jobs.length > 0) {
      const worker = this.leastLoaded();
      if (!worker) return;
      worker.send(this.nextId++, this.takeBatch());
    }
  }

  private leastLoaded(): PoolWorker | undefined {
    let best: { worker: PoolWorker; load: number } | undefined;
    for (const worker of this.workers) {
      const load = worker.load;
      if (load !== undefined && load < IN_FLIGHT && (!best || load < best.load)) best = { worker, load };
    }
    return best?.worker;
  }

  /** Up to BATCH_FILES files (BATCH_CHARS of text), fewer as the queue runs out so the workers finish together. */
  private takeBatch(): Pending {
    const files = Math.min(BATCH_FILES, Math.ceil(this.queue.jobs.length / (2 * this.workers.length)));
    let count = 0;
    let chars = 0;
    while (count < this.queue.jobs.length && count < files && chars < BATCH_CHARS) {
      chars += this.queue.jobs[count]?.text.length ?? 0;
      count += 1;
    }
    return { jobs: this.queue.jobs.splice(0, count), settle: this.queue.settle.splice(0, count) };
  }

  private failQueueIfNoneLeft(): void {
    if (this.workers.every((w) => w.failed)) this.rejectQueued(new Error('gocomply: every fact worker failed'));
  }

  private rejectQueued(error: Error): void {
    for (const s of this.queue.settle.splice(0)) s.reject(error);
    this.queue.jobs.length = 0;
  }
}
