// The language server processes that the installed extension started, found in
// /proc by their command line (the server bundle under the test's extensions folder).
import { readdirSync, readFileSync } from 'node:fs';

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return ''; // the process ended meanwhile
  }
}

export function languageServerPids(extensionsDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const command = commandLine(pid);
      return command.includes(extensionsDir) && command.includes('dist/server.js');
    })
    .map(Number)
    .sort((a, b) => a - b);
}
