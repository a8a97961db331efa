// Child/dev script: single-thread parse vs parse + fact extraction over the
// same files, in one process (the extraction's own cost, without workers).
// Usage: node --import tsx bench/extractCost.ts ROOT [ROUNDS]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GoParser } from '../server/src/engine/parser';
import { walkWorkspace } from '../server/src/engine/workspace/walk';

async function main(root: string, rounds: number): Promise<void> {
  const listing = await walkWorkspace(root);
  const texts = [...listing.goFiles.keys()].map((file) => readFileSync(path.join(root, file), 'utf8'));
  const parser = await GoParser.create();
  for (let round = 0; round < rounds; round += 1) {
    let start = performance.now();
    for (const text of texts) parser.parseTree(text).delete();
    const parse = performance.now() - start;
    start = performance.now();
    for (const text of texts) parser.extract(text);
    const extract = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ parseMs: Math.round(parse), extractMs: Math.round(extract), ratio: +(extract / parse).toFixed(2) })}\n`);
  }
  parser.dispose();
}

void main(path.resolve(process.argv[2] ?? '.'), Number(process.argv[3] ?? '3'));
