// Dev script: the floor that parallel parsing sets on a cold audit. Parses the
// same files bare (no extraction) on one thread, then split over N worker
// threads (each with its grammar loaded before the clock starts), and prints
// both wall times and their ratio. If N threads cannot bring bare parsing
// itself under a ratio, no audit built on it can.
// Usage: node --import tsx bench/parallelParse.ts ROOT [THREADS] [ROUNDS]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GoParser } from '../server/src/engine/parser';
import { walkWorkspace } from '../server/src/engine/workspace/walk';

interface Job {
  texts: string[];
}

async function workerMain(): Promise<void> {
  const parser = await GoParser.create();
  parentPort?.postMessage('ready');
  parentPort?.on('message', (job: Job) => {
    for (const text of job.texts) parser.parseTree(text).delete();
    parentPort?.postMessage('done');
  });
}

function startWorker(): Promise<Worker> {
  // A worker does not inherit tsx's loader: register it, then load this file.
  const source = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
  const worker = new Worker(source, { eval: true, workerData: 'parse' });
  return new Promise((resolve) => worker.once('message', () => resolve(worker)));
}

function run(worker: Worker, texts: string[]): Promise<void> {
  return new Promise((resolve) => {
    worker.once('message', () => resolve());
    worker.postMessage({ texts });
  });
}

async function main(root: string, threads: number, rounds: number): Promise<void> {
  const listing = await walkWorkspace(root);
  const texts = [...listing.goFiles.keys()].map((file) => readFileSync(path.join(root, file), 'utf8'));
  const parser = await GoParser.create();
  const workers = await Promise.all(Array.from({ length: threads }, () => startWorker()));
  const shares = workers.map((_, i) => texts.filter((_, j) => j % threads === i));
  for (let round = 0; round < rounds; round += 1) {
    let start = performance.now();
    for (const text of texts) parser.parseTree(text).delete();
    const single = performance.now() - start;
    start = performance.now();
    await Promise.all(workers.map((worker, i) => run(worker, shares[i] ?? [])));
    const parallel = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ files: texts.length, threads, singleMs: Math.round(single), parallelMs: Math.round(parallel), ratio: +(parallel / single).toFixed(2) })}\n`);
  }
  parser.dispose();
  await Promise.all(workers.map((worker) => worker.terminate()));
}

if (isMainThread) void main(path.resolve(process.argv[2] ?? '.'), Number(process.argv[3] ?? '2'), Number(process.argv[4] ?? '3'));
else if (workerData === 'parse') void workerMain();
