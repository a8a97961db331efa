// Walks a workspace folder once and records what the model needs: Go files
// (with size and mtime, for caching and stale-coverage checks), every other
// file's path, and every directory. Skip rules: spec §1.
import { promises as fs, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';

export interface FileStat {
  size: number;
  mtimeMs: number;
}

export interface WorkspaceListing {
  /** Absolute root, as given. */
  root: string;
  /** Workspace-relative, forward-slash paths of `.go` files. */
  goFiles: Map<string, FileStat>;
  /** Every other file (go.mod, README.md, coverage profiles, ...). */
  otherFiles: Map<string, FileStat>;
  /** Every directory walked, `''` being the root. */
  dirs: Set<string>;
}

const SKIPPED_DIRS = new Set(['vendor', 'node_modules']);

export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

export function toRel(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/**
 * Synchronous readdir and stat: on a local disk each call takes microseconds,
 * while a promise per file costs its round trip through the thread pool
 * (several times slower for a walk of thousands of files).
 */
export async function walkWorkspace(root: string): Promise<WorkspaceListing> {
  const listing: WorkspaceListing = { root, goFiles: new Map(), otherFiles: new Map(), dirs: new Set() };
  walkDir(listing, '');
  return listing;
}

function walkDir(listing: WorkspaceListing, rel: string): void {
  listing.dirs.add(rel);
  const entries = readEntries(path.join(listing.root, rel));
  const subdirs: string[] = [];
  for (const entry of entries) {
    // Symlinks are neither files nor directories for Dirent: not followed.
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory() && !isSkippedDir(entry.name)) subdirs.push(child);
    else if (entry.isFile()) statInto(listing, child);
  }
  for (const dir of subdirs.sort()) walkDir(listing, dir);
}

function readEntries(absolute: string): Dirent[] {
  try {
    return readdirSync(absolute, { withFileTypes: true });
  } catch {
    return []; // unreadable folder: nothing to analyse there
  }
}

function statInto(listing: WorkspaceListing, rel: string): void {
  let stat;
  try {
    stat = statSync(path.join(listing.root, rel));
  } catch {
    return; // vanished between readdir and stat
  }
  const target = rel.endsWith('.go') ? listing.goFiles : listing.otherFiles;
  target.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs });
}

export function dirOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}

export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

export function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/**
 * The deepest of `rel` itself and the folders above it (up to the root `''`)
 * that `accepts` takes: the innermost package holding a file, in depth steps
 * rather than a scan of every package.
 */
export function deepestFolderOf(rel: string, accepts: (dir: string) => boolean): string | undefined {
  for (let dir = rel; ; dir = dirOf(dir)) {
    if (accepts(dir)) return dir;
    if (dir === '') return undefined;
  }
}

/** True when `rel` is `dir` itself or below it. */
export function isWithin(rel: string, dir: string): boolean {
  return dir === '' || rel === dir || rel.startsWith(`${dir}/`);
}

export async function statFile(root: string, rel: string): Promise<FileStat | undefined> {
  try {
    const stat = await fs.lstat(path.join(root, rel));
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** True when `rel` falls under a skipped folder (vendor, node_modules, hidden). */
export function isSkippedPath(rel: string): boolean {
  return rel.split('/').slice(0, -1).some(isSkippedDir);
}

/** Adds or refreshes a file; returns true when the file is new (the layout changed). */
export function addToListing(listing: WorkspaceListing, rel: string, stat: FileStat): boolean {
  if (isSkippedPath(rel)) return false;
  const target = rel.endsWith('.go') ? listing.goFiles : listing.otherFiles;
  const isNew = !target.has(rel);
  target.set(rel, stat);
  for (let dir = dirOf(rel); !listing.dirs.has(dir); dir = dirOf(dir)) listing.dirs.add(dir);
  return isNew;
}

/** Removes a file, or a folder and everything below it; returns true when anything was removed. */
export function removeFromListing(listing: WorkspaceListing, rel: string): boolean {
  let removed = listing.goFiles.delete(rel) || listing.otherFiles.delete(rel);
  for (const map of [listing.goFiles, listing.otherFiles]) {
    for (const key of [...map.keys()]) if (key.startsWith(`${rel}/`)) removed = map.delete(key) || removed;
  }
  for (const dir of [...listing.dirs]) if (dir === rel || dir.startsWith(`${rel}/`)) removed = listing.dirs.delete(dir) || removed;
  return removed;
}
