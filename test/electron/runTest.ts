// `npm run test:electron`: the end-to-end checks in VS Code downloaded by
// @vscode/test-electron (machines with internet access; this one has none, so
// test/e2e runs the same checks in code-server instead).
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, prepareWorkspace } from '../e2e/fixture';
import { REPO_ROOT } from '../e2e/paths';

/** VS Code loads the suite with require(): bundle it to one CommonJS file. */
async function bundleSuite(): Promise<string> {
  const outfile = join(REPO_ROOT, '.cache', 'electron-tests', 'suite.js');
  await build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'error',
  });
  return outfile;
}

async function main(): Promise<number> {
  const temp = makeTempDir();
  try {
    const workspace = prepareWorkspace(temp);
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: await bundleSuite(),
      launchArgs: [workspace.root, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(`test-electron: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
