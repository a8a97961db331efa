// Messages between the engine and a fact-extraction worker (facts/worker.ts).
// Everything here is plain data: requests cross threads by structured clone, facts as JSON text.

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

/**
 * worker -> engine. Facts come back in the order of the batch's jobs, as one
 * JSON text: facts are plain JSON data, and a string crosses threads and
 * parses several times faster than structured clone copies an object graph.
 */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'facts'; id: number; json: string }
  | { kind: 'failed'; id?: number; message: string };
