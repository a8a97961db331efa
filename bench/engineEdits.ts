// Child process of the benchmark: the engine's own share of an edit, in
// process (update with the document's text, then analyze), for the same edits
// as the language-server measurement.
// Usage: node --import tsx bench/engineEdits.ts ROOT FILE EDITS CACHE_DIR
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../server/src/engine/engine';
import { percentile } from './lspEdits';

const PROBE = '\nfunc (c *Client) BenchProbe(ctx context.Context) error {\n\treturn ctx.Err()\n}\n';

async function engineEdits(root: string, file: string, edits: number, cacheDir: string): Promise<{ medianMs: number; p95Ms: number }> {
  const engine = await Engine.open(root, { cacheDir });
  try {
    const original = readFileSync(path.join(root, file), 'utf8');
    engine.analyze();
    const latencies: number[] = [];
    for (let edit = 1; edit <= edits; edit += 1) {
      const text = edit % 2 === 1 ? original + PROBE : original;
      const start = performance.now();
      await engine.update([{ file, kind: 'changed', text }]);
      engine.analyze();
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    return { medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
  } finally {
    engine.dispose();
  }
}

if (require.main === module) {
  const [root, file, edits, cacheDir] = process.argv.slice(2);
  if (root === undefined || file === undefined || cacheDir === undefined) throw new Error('usage: engineEdits.ts ROOT FILE EDITS CACHE_DIR');
  void engineEdits(path.resolve(root), file, Number(edits ?? '50'), cacheDir).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
