// Child processes of the benchmark, so each measurement has a fresh process
// (cold JIT, its own peak RSS) and the bench process's memory never counts.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');
const CHILD_TIMEOUT_MS = 30 * 60_000;

/** Runs node with `args` and parses the last stdout line as JSON. */
export function runJsonChild(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`bench: child ${args.join(' ')} exited with ${code}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`bench: child ${args.join(' ')} printed no result: ${last.slice(0, 200)}`));
      }
    });
  });
}

export function tsChild(script: string, args: string[]): Promise<unknown> {
  return runJsonChild(['--import', 'tsx', path.join(__dirname, script), ...args]);
}

export interface AuditRun {
  /** Engine open to report written, in the audit process (Node start-up excluded). */
  ms: number;
  /** Peak resident set of the audit process, workers included. */
  maxRssMB: number;
}

function isAuditOutput(value: unknown): value is { ms: number; maxRssKB: number; code: number } {
  if (typeof value !== 'object' || value === null) return false;
  return 'ms' in value && typeof value.ms === 'number' && 'maxRssKB' in value && typeof value.maxRssKB === 'number';
}

/** One CLI audit through the bundle, timed inside the audit process. */
export async function auditOnce(root: string, out: string, flags: string[]): Promise<AuditRun> {
  const args = JSON.stringify([root, '--out', out, ...flags]);
  const script = [
    `const cli = require(${JSON.stringify(CLI_BUNDLE)});`,
    'const start = performance.now();',
    `cli.main(${args}).then((code) => {`,
    '  const ms = performance.now() - start;',
    '  process.stdout.write(JSON.stringify({ code, ms, maxRssKB: process.resourceUsage().maxRSS }) + "\\n");',
    '});',
  ].join('\n');
  const result = await runJsonChild(['-e', script]);
  if (!isAuditOutput(result)) throw new Error(`bench: unexpected audit output ${JSON.stringify(result)}`);
  return { ms: result.ms, maxRssMB: result.maxRssKB / 1024 };
}
