// Messages between the engine and a fact-extraction worker (facts/worker.ts).
// Everything here is plain data: it crosses threads by structured clone.
import type { FileFacts } from './types';

/** One Go file to extract: its text, already read and decoded by the engine. */
export interface ExtractJob {
  file: string;
  text: string;
}

/** engine -> worker: a batch of files. */
export interface BatchRequest {
  id: number;
  jobs: ExtractJob[];
}

/** What the engine hands a new worker as `workerData`. */
export interface WorkerSetup {
  /** The grammars/ folder; undefined lets the worker find it the way GoParser does. */
  grammarsDir?: string;
}

/** worker -> engine. Facts come back in the order of the batch's jobs. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'facts'; id: number; facts: FileFacts[] }
  | { kind: 'failed'; id?: number; message: string };
