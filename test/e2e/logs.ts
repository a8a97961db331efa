// On failure: the extension's output channel and the tail of code-server's
// extension host log, from the fresh user-data folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function findFiles(dir: string, matches: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(matches);
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

export function serverLogs(userDataDir: string): string {
  const logs = findFiles(join(userDataDir, 'logs'), (path) => /gocomply\.gocomply[/\\].*\.log$/.test(path) || path.endsWith('remoteexthost.log'));
  return logs.map((file) => `--- ${file}\n${tail(readFileSync(file, 'utf8'), 60)}`).join('\n');
}
