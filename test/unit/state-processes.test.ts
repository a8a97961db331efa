// Two processes writing the same state file at once (an editor and a CLI run,
// say): the lock file must keep every update. Both writers are released
// together through stdin once both have started, so their writes overlap.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { providerKey } from '../../common/schemas/state';
import { readState, statePaths } from '../../server/src/engine/state/index';

const REPO = path.resolve(__dirname, '..', '..');
const STATE_MODULE = path.join(REPO, 'server', 'src', 'engine', 'state', 'index.ts');
const WRITES_PER_PROCESS = 10;

/** Waits for "go" on stdin, then plans WRITES_PER_PROCESS providers named `<prefix><i>`, one write each. */
const WRITER_SCRIPT = `
import { applyTransition, writeState } from ${JSON.stringify(STATE_MODULE)};

const [root, prefix] = process.argv.slice(2);
const facts = { now: new Date().toISOString(), packages: { 'pkg/llms': 'NOT_STARTED' as const }, providers: {}, multimodal: {} };

async function writeAll(): Promise<void> {
  for (let index = 0; index < ${WRITES_PER_PROCESS}; index++) {
    const request = { kind: 'plan-provider' as const, packagePath: 'pkg/llms', providerName: prefix + index };
    const result = await writeState(root, (state) => applyTransition(state, request, facts));
    if (!result.ok) throw new Error(result.message);
  }
}

process.stdin.once('data', () => {
  writeAll().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.stdout.write('ready\\n');
`;

let scratch = '';
let root = '';
let script = '';

before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-state-procs-'));
  root = path.join(scratch, 'workspace');
  fs.mkdirSync(root);
  script = path.join(scratch, 'writer.ts');
  fs.writeFileSync(script, WRITER_SCRIPT);
});
after(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

function startWriter(prefix: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, root, prefix], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', () => reject(new Error(`writer ${prefix} exited before it was ready: ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, stderr }));
  });
  return { child, ready, exited };
}

describe('writers in two processes', () => {
  it(`keep all ${2 * WRITES_PER_PROCESS} updates`, async () => {
    const writers = [startWriter('a'), startWriter('b')];
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.child.stdin?.end('go\n');
    for (const { code, stderr } of await Promise.all(writers.map((writer) => writer.exited))) {
      assert.equal(code, 0, stderr);
    }
    const read = await readState(root);
    assert.equal(read.readable, true);
    const expected = ['a', 'b'].flatMap((prefix) => Array.from({ length: WRITES_PER_PROCESS }, (_, index) => providerKey('pkg/llms', `${prefix}${index}`)));
    assert.deepEqual(Object.keys(read.state.providers).sort(), expected.sort());
    assert.deepEqual(fs.readdirSync(statePaths(root).dir), ['state.json']);
  });
});
