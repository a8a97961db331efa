// Running git read-only: rev-parse, ls-tree and cat-file only, never anything
// that writes (no checkout, no fetch, no index refresh). Failures are values,
// never exceptions: the caller turns them into a notice.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export type GitOutcome = { ok: true; stdout: Buffer } | { ok: false; missing: boolean; message: string };

export interface GitOptions {
  /** The git executable; `git` from PATH by default. */
  git?: string;
  /** Written to git's stdin, which is closed afterwards. */
  input?: string;
}

// Optional locks off: even read commands may otherwise refresh the index.
// No prompts: a credential helper must never wait on a terminal.
const GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

export function runGit(cwd: string, args: string[], options: GitOptions = {}): Promise<GitOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: GitOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(options.git ?? 'git', ['-C', cwd, '--literal-pathspecs', ...args], {
        env: { ...process.env, ...GIT_ENV },
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      finish({ ok: false, missing: isNotFound(error), message: errorText(error) });
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => finish({ ok: false, missing: isNotFound(error), message: errorText(error) }));
    child.on('close', (code) => {
      if (code === 0) finish({ ok: true, stdout: Buffer.concat(stdout) });
      else finish({ ok: false, missing: false, message: firstLine(Buffer.concat(stderr).toString('utf8')) || `git exited with ${String(code)}` });
    });
    // git may exit before reading all of its input (a bad ref): ignore the broken pipe.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

export interface TreeEntry {
  /** Path from the top of the repository. */
  path: string;
  objectId: string;
}

/**
 * Parses `git ls-tree -r -z` output, keeping regular files (symlinks and
 * submodules dropped). Not `-l`: sizes cost git a lookup per object, and
 * cat-file reports them anyway.
 */
export function parseTreeListing(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, objectId] = record.slice(0, tab).trim().split(/\s+/);
    if (type !== 'blob' || mode === '120000' || objectId === undefined) continue;
    entries.push({ path: record.slice(tab + 1), objectId });
  }
  return entries;
}

/**
 * Reads many blobs with one `git cat-file --batch` (one process instead of one
 * per file). Returns the contents by object id; objects git reports missing are absent.
 */
export async function readBlobs(cwd: string, objectIds: string[], options: GitOptions = {}): Promise<Map<string, Buffer> | GitOutcome> {
  const blobs = new Map<string, Buffer>();
  if (objectIds.length === 0) return blobs;
  const outcome = await runGit(cwd, ['cat-file', '--batch'], { ...options, input: `${objectIds.join('\n')}\n` });
  if (!outcome.ok) return outcome;
  const out = outcome.stdout;
  let offset = 0;
  while (offset < out.length) {
    const newline = out.indexOf(0x0a, offset);
    if (newline < 0) break;
    const [objectId, type, sizeText] = out.subarray(offset, newline).toString('utf8').split(' ');
    offset = newline + 1;
    if (objectId === undefined || type === 'missing' || sizeText === undefined) continue;
    const size = Number(sizeText);
    blobs.set(objectId, out.subarray(offset, offset + size));
    offset += size + 1; // the content is followed by a newline
  }
  return blobs;
}
