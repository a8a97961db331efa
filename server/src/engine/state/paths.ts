// Where the state file lives, workspace-relative (diagnostics) and absolute.
import * as path from 'node:path';

export const STATE_DIR = '.gocomply';
export const STATE_FILE = `${STATE_DIR}/state.json`;

export function statePaths(root: string): { dir: string; file: string; lock: string } {
  const dir = path.join(root, STATE_DIR);
  const file = path.join(dir, 'state.json');
  return { dir, file, lock: `${file}.lock` };
}
