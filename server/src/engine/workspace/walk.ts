// Walks a workspace folder once and records what the model needs: Go files
// (with size and mtime, for caching and stale-coverage checks), every other
// file's path, and every directory. Skip rules: spec §1.
import { promises as fs } from 'node:fs';
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

export async function walkWorkspace(root: string): Promise<WorkspaceListing> {
  const listing: WorkspaceListing = { root, goFiles: new Map(), otherFiles: new Map(), dirs: new Set() };
  await walkDir(listing, '');
  return listing;
}

async function walkDir(listing: WorkspaceListing, rel: string): Promise<void> {
  listing.dirs.add(rel);
  let entries;
  try {
    entries = await fs.readdir(path.join(listing.root, rel), { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to analyse there
  }
  const subdirs: string[] = [];
  const files: string[] = [];
  for (const entry of entries) {
    // Symlinks are neither files nor directories for Dirent: not followed.
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory() && !isSkippedDir(entry.name)) subdirs.push(child);
    else if (entry.isFile()) files.push(child);
  }
  await Promise.all(files.map((file) => statInto(listing, file)));
  for (const dir of subdirs.sort()) await walkDir(listing, dir);
}

async function statInto(listing: WorkspaceListing, rel: string): Promise<void> {
  try {
    const stat = await fs.stat(path.join(listing.root, rel));
    const target = rel.endsWith('.go') ? listing.goFiles : listing.otherFiles;
    target.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs });
  } catch {
    // vanished between readdir and stat
  }
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
