// code-server: installed by ../shared/tools/code-server-setup.sh, given the
// packaged VSIX, and started on a free loopback port with fresh user data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { waitFor } from './harness';
import { REPO_ROOT } from './paths';
const INSTALL_DIR = join(REPO_ROOT, '.cache', 'code-server');
const SETUP_SCRIPT = resolve(REPO_ROOT, '..', 'shared', 'tools', 'code-server-setup.sh');
const CODE_SERVER = join(INSTALL_DIR, 'bin', 'code-server');

/** code-server runs on the Node 24 the setup script installs, not the machine's. */
function codeServerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(INSTALL_DIR, 'node', 'bin')}:${process.env['PATH'] ?? ''}` };
}

/** Runs a command to completion, failing with its output when it exits non-zero. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): string {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, env: options.env ?? process.env, encoding: 'utf8', timeout: options.timeoutMs ?? 600_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(result.status ?? result.signal)}:\n${output}`);
  return output;
}

/**
 * The environment without what `npm run` adds (`npm_config_user_agent` names
 * this Node 20, and code-server's install script refuses to run on it).
 */
function withoutNpmRunEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

/** Installs code-server, Node 24 and Debian chromium (idempotent; minutes the first time). */
export function setupCodeServer(): string {
  return run('bash', [SETUP_SCRIPT, INSTALL_DIR], { env: withoutNpmRunEnv(), timeoutMs: 1_200_000 }).trim();
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

/** A fresh user-data and extensions folder, with settings that keep first-run pages and prompts away. */
export function createProfile(root: string): Profile {
  const profile = { userDataDir: join(root, 'user-data'), extensionsDir: join(root, 'extensions'), configFile: join(root, 'config.yaml') };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(profile.configFile, 'auth: none\n');
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  };
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

function profileArgs(profile: Profile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

export function installExtension(profile: Profile, vsix: string): string {
  return run(CODE_SERVER, [...profileArgs(profile), '--install-extension', vsix], { env: codeServerEnv() });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function answers(url: string): Promise<true | undefined> {
  try {
    return (await fetch(url)).ok ? true : undefined;
  } catch {
    return undefined;
  }
}

export interface RunningCodeServer {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  // Its own process group (detached): the extension host and language server go with it.
  process.kill(-pid, 'SIGTERM');
  const forced = setTimeout(() => process.kill(-pid, 'SIGKILL'), 10_000);
  return exited.finally(() => clearTimeout(forced));
}

export async function startCodeServer(profile: Profile, workspace: string): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [...profileArgs(profile), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace];
  const child = spawn(CODE_SERVER, args, { env: codeServerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const running: RunningCodeServer = { url, log: () => output, stop: () => stopProcessGroup(child) };
  try {
    await waitFor('code-server to answer /healthz', () => (child.exitCode === null ? answers(`${url}/healthz`) : Promise.reject(new Error(`code-server exited:\n${output}`))), 60_000);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
