// Child process of the benchmark: bare single-thread parse time of every Go
// file of a workspace (GoParser.parseTree + delete, no extraction), with the
// files read beforehand so only parsing is timed.
// Usage: node --import tsx bench/bareParse.ts ROOT
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GoParser } from '../server/src/engine/parser';
import { walkWorkspace } from '../server/src/engine/workspace/walk';

export interface BareParseResult {
  files: number;
  bytes: number;
  ms: number;
}

async function bareParse(root: string): Promise<BareParseResult> {
  const listing = await walkWorkspace(root);
  const texts = [...listing.goFiles.keys()].map((file) => readFileSync(path.join(root, file), 'utf8'));
  const parser = await GoParser.create();
  try {
    const start = performance.now();
    for (const text of texts) parser.parseTree(text).delete();
    const ms = performance.now() - start;
    return { files: texts.length, bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0), ms };
  } finally {
    parser.dispose();
  }
}

if (require.main === module) {
  const root = process.argv[2];
  if (root === undefined) throw new Error('usage: bareParse.ts ROOT');
  void bareParse(path.resolve(root)).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
