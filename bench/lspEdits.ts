// Edit-to-diagnostics latency through the real language server (dist/server.js
// over stdio): open one file, then alternately add and remove an exported
// method with didChange, timing each edit until the next publishDiagnostics
// for that file. Waits on `gocomply/status` for the end of indexing, never on time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../common/protocol';

export interface EditLatency {
  edits: number;
  medianMs: number;
  p95Ms: number;
  /** Time from initialized to the first `ready` status: the server's indexing of the workspace. */
  indexMs: number;
}

const EDIT_TIMEOUT_MS = 20_000;
const INDEX_TIMEOUT_MS = 600_000;
const PROBE = '\nfunc (c *Client) BenchProbe(ctx context.Context) error {\n\treturn ctx.Err()\n}\n';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Resolves with the first value `accept` takes from the notifications sent after this call. */
function next<T>(subscribe: (listener: (value: T) => void) => { dispose(): void }, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`bench: no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = subscribe((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

function answerServerRequests(connection: ProtocolConnection): void {
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(UnregistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
}

async function initialize(connection: ProtocolConnection, root: string): Promise<number> {
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  const ready = next<StatusParams>((l) => connection.onNotification(StatusNotification, l), (s) => s.state !== 'indexing' && s.files > 0, INDEX_TIMEOUT_MS, 'ready status');
  const start = performance.now();
  await connection.sendNotification(InitializedNotification.type, {});
  const status = await ready;
  if (status.state === 'error') throw new Error(`bench: server reported an error: ${status.message ?? ''}`);
  return performance.now() - start;
}

async function timeEdits(connection: ProtocolConnection, file: string, edits: number): Promise<number[]> {
  const uri = pathToFileURL(file).href;
  const original = readFileSync(file, 'utf8');
  const diagnosticsOf = (l: (p: PublishDiagnosticsParams) => void) => connection.onNotification(PublishDiagnosticsNotification.type, l);
  const forFile = (p: PublishDiagnosticsParams) => p.uri === uri;
  const opened = next(diagnosticsOf, forFile, EDIT_TIMEOUT_MS, 'diagnostics after didOpen');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'go', version: 1, text: original } });
  await opened;
  const latencies: number[] = [];
  for (let edit = 1; edit <= edits; edit += 1) {
    const text = edit % 2 === 1 ? original + PROBE : original;
    const published = next(diagnosticsOf, forFile, EDIT_TIMEOUT_MS, `diagnostics after edit ${edit}`);
    const start = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: edit + 1 }, contentChanges: [{ text }] });
    await published;
    latencies.push(performance.now() - start);
  }
  return latencies;
}

/** Runs the server bundle on `root` and times `edits` edits of `file` (absolute). */
export async function measureEditLatency(serverBundle: string, root: string, file: string, edits = 50): Promise<EditLatency> {
  const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  answerServerRequests(connection);
  connection.listen();
  try {
    const indexMs = await initialize(connection, root);
    const latencies = (await timeEdits(connection, file, edits)).sort((a, b) => a - b);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return { edits, medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95), indexMs };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}
