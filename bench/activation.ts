// Extension activation time, outside VS Code: a fresh Node process loads
// dist/client.js (the whole extension bundle, vscode-languageclient included)
// and calls its activate() with a stand-in `vscode` module, timing the two
// steps VS Code's extension host times for an activation: loading the module
// and running activate(). The stand-in answers every API with a cheap dummy
// (an EventEmitter and Disposable that work), so what is measured is the
// extension's own code; the host's own work (reading package.json, the real
// API's calls) is not in it. activate() returns before the language server
// starts (the server indexes after activation), so the server is not either.
// Usage (child of bench/run.ts): node --import tsx bench/activation.ts RUNS
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './children';

const STUB_DIR = path.join(REPO_ROOT, '.cache', 'bench', 'activation', 'node_modules');

/** The stand-in `vscode` module (plain JavaScript: it is loaded by the bundle's own require). */
const VSCODE_STUB = String.raw`
'use strict';
class Disposable {
  constructor(callback) { this.callback = callback; }
  static from(...items) { return new Disposable(() => items.forEach((item) => item && item.dispose && item.dispose())); }
  dispose() { if (this.callback) this.callback(); this.callback = undefined; }
}
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => { this.listeners.add(listener); return new Disposable(() => this.listeners.delete(listener)); };
  }
  fire(value) { for (const listener of [...this.listeners]) listener(value); }
  dispose() { this.listeners.clear(); }
}
const noop = () => undefined;
/** A dummy for any name: callable, constructible, with any member, never a thenable. */
function dummy(name) {
  const own = {};
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'prototype') return target.prototype;
      if (key in own) return own[key];
      own[key] = dummy(name + '.' + String(key));
      return own[key];
    },
    set(_, key, value) { own[key] = value; return true; },
    apply() { return dummy(name + '()'); },
    construct() { return dummy('new ' + name); },
  });
}
const real = {
  Disposable,
  EventEmitter,
  workspace: new Proxy({}, {
    get(own, key) {
      if (key === 'workspaceFolders') return [];
      if (key === 'isTrusted') return true;
      if (key === 'findFiles') return () => Promise.resolve([]);
      if (key === 'getConfiguration') return () => ({ get: (_, fallback) => fallback, has: () => false, inspect: noop, update: () => Promise.resolve() });
      if (!(key in own)) own[key] = dummy('workspace.' + String(key));
      return own[key];
    },
  }),
};
// esbuild's interop copies the module's own names: every name the bundle's code uses is one;
// vscode-languageclient reads the module directly: any other name gets a dummy on first use.
for (const name of NAMES) if (!(name in real)) real[name] = dummy(name);
module.exports = new Proxy(real, {
  get(own, key) {
    if (!(key in own)) own[key] = dummy(String(key));
    return own[key];
  },
});
`;

/** Every `vscode.X` the bundle names (esbuild renames the import to vscode, vscode2, ...). */
function vscodeNames(bundle: string): string[] {
  return [...new Set([...readFileSync(bundle, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1] ?? ''))].filter(Boolean).sort();
}

/** Runs in the measured process: load the bundle, activate, print the two times. */
const CHILD = String.raw`
const start = performance.now();
const extension = require(process.argv[1]);
const loaded = performance.now();
const context = {
  subscriptions: [],
  extensionPath: process.argv[2],
  asAbsolutePath: (p) => require('path').join(process.argv[2], p),
  workspaceState: { get: (_, fallback) => fallback, update: () => Promise.resolve(), keys: () => [] },
  globalState: { get: (_, fallback) => fallback, update: () => Promise.resolve(), keys: () => [], setKeysForSync: () => undefined },
  extensionMode: 1,
  storageUri: undefined,
  globalStorageUri: undefined,
  logUri: undefined,
};
extension.activate(context);
const activated = performance.now();
process.stdout.write(JSON.stringify({ loadMs: loaded - start, activateMs: activated - loaded }) + '\n');
process.exit(0);
`;

export interface ActivationResult {
  runs: number;
  /** Median of load + activate. */
  medianMs: number;
  loadMs: number;
  activateMs: number;
}

function isTimes(value: unknown): value is { loadMs: number; activateMs: number } {
  return typeof value === 'object' && value !== null && 'loadMs' in value && typeof value.loadMs === 'number' && 'activateMs' in value && typeof value.activateMs === 'number';
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

export function measureActivation(runs: number): ActivationResult {
  const bundle = path.join(REPO_ROOT, 'dist', 'client.js');
  mkdirSync(path.join(STUB_DIR, 'vscode'), { recursive: true });
  writeFileSync(path.join(STUB_DIR, 'vscode', 'index.js'), `const NAMES = ${JSON.stringify(vscodeNames(bundle))};\n${VSCODE_STUB}`);
  const times: { loadMs: number; activateMs: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const child = spawnSync(process.execPath, ['-e', CHILD, bundle, REPO_ROOT], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_PATH: STUB_DIR },
      encoding: 'utf8',
    });
    const last = child.stdout.trim().split('\n').at(-1) ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(last);
    } catch {
      throw new Error(`bench: activation run printed no result (exit ${String(child.status)}): ${child.stderr.slice(0, 500)}`);
    }
    if (!isTimes(parsed)) throw new Error(`bench: unexpected activation output ${last}`);
    times.push(parsed);
  }
  return {
    runs,
    medianMs: median(times.map((t) => t.loadMs + t.activateMs)),
    loadMs: median(times.map((t) => t.loadMs)),
    activateMs: median(times.map((t) => t.activateMs)),
  };
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(measureActivation(Number(process.argv[2] ?? '5')))}\n`);
}
