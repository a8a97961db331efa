// Incremental analysis: after each edit, the engine's memoised analysis gives
// the same report as a fresh engine on the same files, whether the edit
// touches one package, the workspace-wide span starters, a constant, the
// layout (a new or deleted file) or only positions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../../common/schemas/report';
import { Engine, type FileChange } from '../../server/src/engine/engine';
import { PARALLEL_MIN_FILES } from '../../server/src/engine/facts/collect';
import { GoParser } from '../../server/src/engine/parser';
import { EXAMPLES_DIR } from './helpers/fixtures';

const NOW = new Date('2025-01-01T00:00:00.000Z');

async function freshReport(root: string): Promise<Report> {
  const engine = await Engine.open(root, { workers: 0 });
  try {
    return engine.report(engine.analyze(), NOW);
  } finally {
    engine.dispose();
  }
}

describe('incremental analysis', () => {
  let root: string;
  let engine: Engine;
  let last: Report;

  /** Applies an edit on disk and to the engine (as the editor's text when `asText`), and checks the report. */
  async function edit(file: string, change: (text: string) => string | undefined, asText = false): Promise<Report> {
    const absolute = path.join(root, file);
    const existed = fs.existsSync(absolute);
    const next = change(existed ? fs.readFileSync(absolute, 'utf8') : '');
    let kind: FileChange['kind'] = existed ? 'changed' : 'created';
    if (next === undefined) {
      fs.rmSync(absolute);
      kind = 'deleted';
    } else {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, next);
    }
    await engine.update([{ file, kind, ...(asText && next !== undefined ? { text: next } : {}) }]);
    const report = engine.report(engine.analyze(), NOW);
    assert.deepEqual(report, await freshReport(root));
    assert.notDeepEqual(report, last, `editing ${file} changes the report`);
    last = report;
    return report;
  }

  before(async () => {
    root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-incremental-')), 'examples');
    fs.cpSync(EXAMPLES_DIR, root, { recursive: true });
    engine = await Engine.open(root, { workers: 0 });
    last = engine.report(engine.analyze(), NOW);
  });
  after(() => {
    engine.dispose();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('after adding an exported method to one package', async () => {
    await edit('pkg/llms/llms.go', (t) => `${t}\nfunc (c *Client) Probe(ctx context.Context) error {\n\treturn ctx.Err()\n}\n`, true);
  });

  it('after a span starter stops starting spans, and starts again', async () => {
    const original = fs.readFileSync(path.join(root, 'pkg/llms/tracing.go'), 'utf8');
    const report = await edit('pkg/llms/tracing.go', (t) => t.replace('return tracer.Start(ctx,', 'return ctx, nil; _ = tracer.Start; return notTracer(ctx,'), true);
    assert.ok(!report.spanStarters.includes('startOperation'));
    await edit('pkg/llms/tracing.go', () => original, true);
  });

  it('after a constant used as a metric name changes', async () => {
    await edit('pkg/llms/metrics.go', (t) => t.replace('"llms.requests"', '"LLMRequestsTotal"'));
  });

  it('after only positions move', async () => {
    await edit('pkg/llms/llms.go', (t) => t.replace('package llms\n', 'package llms\n\n\n'), true);
  });

  it('after a file is created and another deleted', async () => {
    await edit('pkg/retrievers/metrics.go', () => 'package retrievers\n\nimport "go.opentelemetry.io/otel"\n\nvar hits, _ = otel.Meter("r").Int64Counter("retrievers.hits")\n');
    await edit('pkg/embeddings/embeddings_test.go', () => undefined);
  });

  it('after a second definition that blocked a starter is added, then removed', async () => {
    await edit('pkg/retrievers/begin.go', () => BEGIN_GO);
    const blocked = await edit('pkg/voice/blocker.go', () => 'package voice\n\nfunc begin() {}\n');
    assert.ok(!blocked.spanStarters.includes('begin'), 'an inert second definition blocks the all-definitions rule');
    const unblocked = await edit('pkg/voice/blocker.go', () => undefined);
    assert.ok(unblocked.spanStarters.includes('begin'));
  });
});

describe('incremental analysis of many files and folders', () => {
  let root: string;
  let engine: Engine;
  before(async () => {
    root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-incremental-')), 'examples');
    fs.cpSync(EXAMPLES_DIR, root, { recursive: true });
    engine = await Engine.open(root);
  });
  after(() => {
    engine.dispose();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('after a deleted folder that held a span starter', async () => {
    const folder = 'pkg/retrievers/internal/spans';
    fs.mkdirSync(path.join(root, folder), { recursive: true });
    fs.writeFileSync(path.join(root, folder, 'spans.go'), BEGIN_GO.replace('func (r *Retriever) Lookup', 'func lookup'));
    fs.writeFileSync(path.join(root, 'pkg/retrievers/lookup.go'), LOOKUP_GO);
    await engine.update([{ file: `${folder}/spans.go`, kind: 'created' }, { file: 'pkg/retrievers/lookup.go', kind: 'created' }]);
    const withStarter = engine.report(engine.analyze(), NOW);
    assert.ok(withStarter.spanStarters.includes('begin'));
    assert.deepEqual(withStarter, await freshReport(root));
    fs.rmSync(path.join(root, 'pkg/retrievers/internal'), { recursive: true });
    await engine.update([{ file: 'pkg/retrievers/internal', kind: 'deleted' }]);
    assert.deepEqual(engine.report(engine.analyze(), NOW), await freshReport(root));
  });

  it('after more files changed on disk than the main thread parses alone (a branch switch)', async () => {
    const files = Array.from({ length: PARALLEL_MIN_FILES + 6 }, (_, index) => `pkg/retrievers/gen${index}.go`);
    for (const [index, file] of files.entries()) {
      fs.writeFileSync(path.join(root, file), `package retrievers\n\nfunc (r *Retriever) Gen${index}() int {\n\treturn ${index}\n}\n`);
    }
    await engine.update(files.map((file) => ({ file, kind: 'created' })));
    assert.deepEqual(engine.report(engine.analyze(), NOW), await freshReport(root));
  });
});

/** `begin` starts a span and hands it on, but its name alone does not make it a starter. */
const BEGIN_GO = `package retrievers

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

func begin(ctx context.Context) (context.Context, trace.Span) {
	return otel.Tracer("retrievers").Start(ctx, "retrievers.lookup")
}

func (r *Retriever) Lookup(ctx context.Context) error {
	ctx, span := begin(ctx)
	defer span.End()
	return ctx.Err()
}
`;

/** A method traced only through `begin`, which lives in another folder. */
const LOOKUP_GO = `package retrievers

import "context"

func (r *Retriever) Find(ctx context.Context) error {
\tctx, span := begin(ctx)
\tdefer span.End()
\treturn ctx.Err()
}
`;

describe('incremental parsing of open documents', () => {
  const FILE = 'pkg/llms/llms.go';
  let root: string;
  let engine: Engine;
  let parser: GoParser;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-reparse-'));
    fs.cpSync(EXAMPLES_DIR, root, { recursive: true });
    engine = await Engine.open(root, { workers: 0 });
    parser = await GoParser.create();
  });

  after(() => {
    engine.dispose();
    parser.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Each edit as the editor's text; the facts must equal a fresh parse of the same text. */
  const EDITS: [string, (text: string) => string][] = [
    ['a comment line inserted at the top', (text) => `// héllo 😀 wörld\n${text}`],
    ['a new method appended', (text) => `${text}\nfunc (c *Client) Ping(ctx context.Context) error {\n\treturn ctx.Err()\n}\n`],
    ['a word typed in the middle of a line', (text) => text.replace('func (c *Client) Ping(', 'func (c *Client) PingNow(')],
    ['a line deleted', (text) => text.split('\n').filter((line) => !line.includes('héllo')).join('\n')],
    ['a brace removed (syntax error)', (text) => text.replace('return ctx.Err()\n}', 'return ctx.Err()\n')],
    ['the brace typed back', (text) => text.replace('return ctx.Err()\n', 'return ctx.Err()\n}')],
    ['the same text again', (text) => text],
  ];

  let text = '';
  for (const [name, change] of EDITS) {
    it(`gives the facts of a fresh parse after ${name}`, async () => {
      text = change(text === '' ? fs.readFileSync(path.join(root, FILE), 'utf8') : text);
      await engine.update([{ file: FILE, kind: 'changed', text }]);
      assert.deepEqual(engine.factsOf(FILE), parser.extract(text));
      assert.equal(engine.openTreeCount, 1, 'the open document keeps its tree');
    });
  }

  it('drops the tree when the text comes from the disk again (closed or changed outside the editor)', async () => {
    await engine.update([{ file: FILE, kind: 'changed' }]);
    assert.equal(engine.openTreeCount, 0);
    assert.deepEqual(engine.factsOf(FILE), parser.extract(fs.readFileSync(path.join(root, FILE), 'utf8')));
  });
});
