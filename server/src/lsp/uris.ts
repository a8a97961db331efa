// File URIs <-> workspace-relative paths. Outgoing URIs keep the folder URI as
// the client wrote it and append encoded segments, so they compare equal to
// the client's own URIs for the same files.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file-system path of a `file:` URI, undefined for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The forward-slash path of `absolute` below `root`, undefined when it is not inside. */
export function relativeTo(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

export function childUri(folderUri: string, rel: string): string {
  if (rel === '') return folderUri;
  const encoded = rel.split('/').map(encodeURIComponent).join('/');
  return `${folderUri.replace(/\/$/, '')}/${encoded}`;
}
