// A fact-extraction worker thread: one GoParser for the worker's whole life
// (the grammar is loaded once), batches of files in, FileFacts out.
import { parentPort, workerData } from 'node:worker_threads';
import { GoParser } from '../parser';
import type { BatchRequest, WorkerReply, WorkerSetup } from './workerProtocol';

function isSetup(value: unknown): value is WorkerSetup {
  return typeof value === 'object' && value !== null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('gocomply: facts/worker must run in a worker thread');
  const reply = (message: WorkerReply) => port.postMessage(message);
  const setup = isSetup(workerData) ? workerData : {};
  let parser: GoParser;
  try {
    parser = await GoParser.create(setup.grammarsDir);
  } catch (error) {
    reply({ kind: 'failed', message: messageOf(error) });
    return;
  }
  port.on('message', (request: BatchRequest) => {
    try {
      reply({ kind: 'facts', id: request.id, json: JSON.stringify(request.jobs.map((job) => parser.extract(job.text))) });
    } catch (error) {
      reply({ kind: 'failed', id: request.id, message: messageOf(error) });
    }
  });
  reply({ kind: 'ready' });
}

void serve();
