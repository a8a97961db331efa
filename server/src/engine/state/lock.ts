// An exclusive lock file shared by every process that writes the state file:
// created with `wx` (fails when it exists), retried with a bounded backoff, and
// taken over when older than `staleMs` (its holder crashed). Holders keep it
// for one read-modify-write, milliseconds, so a stale lock means a dead holder.
import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

export interface LockOptions {
  /** A lock file older than this is taken over. */
  staleMs: number;
  /** Give up after waiting this long (keep it above `staleMs` so a stale lock is always taken over first). */
  timeoutMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { staleMs: 10_000, timeoutMs: 15_000 };

const FIRST_BACKOFF_MS = 2;
const MAX_BACKOFF_MS = 100;

export type LockedResult<T> = { acquired: true; value: T } | { acquired: false; message: string };

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Runs `body` while holding the lock at `lockPath`; the lock is released however `body` ends. */
export async function withFileLock<T>(lockPath: string, options: LockOptions, body: () => Promise<T>): Promise<LockedResult<T>> {
  const token = `${process.pid} ${randomUUID()}`;
  if (!(await acquire(lockPath, token, options))) {
    const holderPid = (await fs.readFile(lockPath, 'utf8').catch(() => '')).split(' ')[0] || 'unknown';
    return {
      acquired: false,
      message: `${lockPath} is still held by another writer (process ${holderPid}) after waiting ${options.timeoutMs} ms; try again, or delete the lock file if no gocomply is running.`,
    };
  }
  try {
    return { acquired: true, value: await body() };
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, token: string, options: LockOptions): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, token)) return true;
    if (await takeOverIfStale(lockPath, options.staleMs)) continue;
    if (Date.now() >= deadline) return false;
    const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
    // Jitter keeps waiting writers from retrying in lockstep.
    await delay(backoff / 2 + Math.random() * (backoff / 2));
  }
}

async function tryCreate(lockPath: string, token: string): Promise<boolean> {
  try {
    await fs.writeFile(lockPath, token, { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves a stale lock aside and deletes it; true when the caller should retry at
 * once. Renaming (rather than deleting) lets us check that what we removed is
 * the stale lock we saw and not a fresh one created meanwhile by another
 * process that took it over first; a fresh one is put back with `link`, which
 * fails instead of overwriting if yet another lock appeared.
 */
async function takeOverIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  let seen: Stats;
  try {
    seen = await fs.stat(lockPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true; // released meanwhile
    throw error;
  }
  if (Date.now() - seen.mtimeMs < staleMs) return false;
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    throw error;
  }
  const moved = await fs.stat(aside);
  if (moved.ino !== seen.ino) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
  return true;
}

/** Deletes the lock only if it is still ours (it may have been taken over as stale). */
async function release(lockPath: string, token: string): Promise<void> {
  const content = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
  if (content === token) await fs.rm(lockPath, { force: true });
}
