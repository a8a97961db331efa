// Every quick fix offered anywhere: on each fixture module and on the bundled
// examples/, every plan of every diagnostic (and "align package" of every
// package) is applied to the files' text, and every Go file it writes must
// parse and be gofmt-clean. A net under the per-fix tests, which check the
// content; this one checks that no case they did not think of writes broken Go.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { alignPackagePlan } from '../../server/src/engine/fixes/alignPackage';
import { applyChanges } from '../../server/src/engine/fixes/apply';
import { diagnosticFixes } from '../../server/src/engine/fixes/index';
import type { FixWorkspace, PlannedFix } from '../../server/src/engine/fixes/plan';
import { fixWorkspace } from '../../server/src/engine/fixes/workspace';
import { EXAMPLES_DIR, FIXTURES_DIR } from './helpers/fixtures';
import { gofmtProblem, requireGofmt } from './helpers/fixHarness';

/** Every Go file the plan writes, with its text after the plan. */
function writtenGo(plan: PlannedFix, ws: FixWorkspace): [string, string][] {
  const created: [string, string][] = plan.creations.map((c) => [c.file, c.content]);
  const changed = plan.changes.map(({ file, changes }): [string, string] => [file, applyChanges(ws.textOf(file) ?? '', changes)]);
  return [...created, ...changed].filter(([file]) => file.endsWith('.go'));
}

function problemsOf(label: string, plan: PlannedFix, ws: FixWorkspace): string[] {
  return writtenGo(plan, ws).flatMap(([file, text]) => {
    const problem = gofmtProblem(text);
    return problem === undefined ? [] : [`${label} "${plan.title}" → ${file}: ${problem.slice(0, 600)}`];
  });
}

const workspaces = [
  ...fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => fs.existsSync(path.join(FIXTURES_DIR, name, 'go.mod')) || fs.existsSync(path.join(FIXTURES_DIR, name, 'go.work')))
    .map((name) => ({ name, root: path.join(FIXTURES_DIR, name) })),
  { name: 'examples', root: EXAMPLES_DIR },
];

describe('every offered fix writes gofmt-clean Go', { timeout: 300_000 }, () => {
  for (const { name, root } of workspaces) {
    it(name, async (t) => {
      if (!requireGofmt(t)) return;
      const engine = await Engine.open(root, { workers: 0 });
      try {
        const result = engine.analyze();
        const ws = fixWorkspace(engine, result);
        const problems = [
          ...result.diagnostics.flatMap((d) => diagnosticFixes(d, ws).flatMap((plan) => problemsOf(`${d.rule} at ${d.file}:${d.range.start.line + 1}`, plan, ws))),
          ...ws.packages.flatMap((pkg) => {
            const plan = alignPackagePlan(ws, pkg.path, result.diagnostics);
            return 'refused' in plan ? [] : problemsOf(`align ${pkg.path}`, plan, ws);
          }),
        ];
        assert.deepEqual(problems, []);
      } finally {
        engine.dispose();
      }
    });
  }
});
