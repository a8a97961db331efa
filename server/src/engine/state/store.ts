// Reading and writing `.gocomply/state.json`. A write is a read-modify-write
// under two locks — a promise chain per root inside this process and a lock
// file across processes — so concurrent writers never lose an update, and it
// replaces the file atomically (temp file in the same folder, then rename).
// A file that exists but does not parse is never written over.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { StateFileSchema, emptyState, type StateFile } from '../../../../common/schemas/state';
import { FILE_START } from '../rules/finding';
import { DEFAULT_LOCK_OPTIONS, errorCode, withFileLock, type LockOptions } from './lock';
import { invalidStateFinding, parseStateText, unreadableState, type ReadStateResult } from './parse';
import { STATE_FILE, statePaths } from './paths';
import type { TransitionResult } from './transitionTypes';

export type WriteStateResult = TransitionResult;

export async function readState(root: string): Promise<ReadStateResult> {
  let text: string;
  try {
    text = await fs.readFile(statePaths(root).file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: emptyState(), findings: [], readable: true };
    const reason = error instanceof Error ? error.message : String(error);
    return unreadableState([invalidStateFinding(FILE_START, `${STATE_FILE} cannot be read (${reason}); it is ignored and not overwritten.`)]);
  }
  return parseStateText(text);
}

/** Pending writes per resolved root, so writers in this process take turns. */
const writeChains = new Map<string, Promise<unknown>>();

/**
 * Applies `update` to the current state and writes the result, or returns why
 * not: the update refused, the file does not parse, or the lock stayed busy.
 * `update` must be quick and synchronous: it runs while the lock is held.
 */
export function writeState(
  root: string,
  update: (state: StateFile) => TransitionResult,
  lockOptions: LockOptions = DEFAULT_LOCK_OPTIONS,
): Promise<WriteStateResult> {
  const key = path.resolve(root);
  const previous = writeChains.get(key) ?? Promise.resolve();
  const next = (): Promise<WriteStateResult> => lockedUpdate(key, update, lockOptions);
  // A failed write must not fail the ones queued behind it.
  const run = previous.then(next, next);
  writeChains.set(key, run);
  const forget = (): void => {
    if (writeChains.get(key) === run) writeChains.delete(key);
  };
  run.then(forget, forget);
  return run;
}

async function lockedUpdate(
  root: string,
  update: (state: StateFile) => TransitionResult,
  lockOptions: LockOptions,
): Promise<WriteStateResult> {
  const paths = statePaths(root);
  await fs.mkdir(paths.dir, { recursive: true });
  const locked = await withFileLock(paths.lock, lockOptions, async (): Promise<WriteStateResult> => {
    const current = await readState(root);
    if (!current.readable) {
      const reasons = current.findings.map((finding) => finding.message).join(' ');
      return { ok: false, message: `${STATE_FILE} was left unchanged because it does not parse; fix or delete it first. ${reasons}` };
    }
    const result = update(current.state);
    if (!result.ok) return result;
    // Never write what the next read would reject.
    const checked = StateFileSchema.safeParse(result.state);
    if (!checked.success) return { ok: false, message: `The update produced an invalid state (${checked.error.message}); nothing was written.` };
    await writeAtomically(paths.file, serializeState(checked.data));
    return { ok: true, state: checked.data };
  });
  return locked.acquired ? locked.value : { ok: false, message: locked.message };
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function sortedRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Stable JSON: keys of each record sorted, two-space indent, final newline (diff-friendly in git). */
export function serializeState(state: StateFile): string {
  const ordered: StateFile = {
    version: state.version,
    packages: sortedRecord(state.packages),
    providers: sortedRecord(state.providers),
    multimodal: sortedRecord(state.multimodal),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
