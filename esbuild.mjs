// One build script: client (vscode external), server and CLI (fully bundled),
// plus the tree-sitter wasm files copied next to the bundles' grammar folder.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const quiet = process.argv.includes('--quiet');
const watch = process.argv.includes('--watch');

function copyGrammars() {
  mkdirSync('grammars', { recursive: true });
  copyFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm'), join('grammars', 'tree-sitter-go.wasm'));
  const runtime = join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
  copyFileSync(runtime, join('grammars', 'web-tree-sitter.wasm'));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // web-tree-sitter's ESM build reads import.meta.url, which a CJS bundle lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: quiet ? 'error' : 'info',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['server/src/engine/facts/worker.ts'], outfile: 'dist/worker.js' },
];

copyGrammars();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
