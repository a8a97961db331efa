// The tracing quick fixes (spec §9): "Add a span to <Type>.<Method>", "Add
// spans to all N untraced methods of <package>" (otel/untraced-method) and
// "Add defer span.End()" (otel/span-not-ended). Each fix is applied to a copy
// of a fixture; the written Go must be gofmt-clean, the finding gone, no new
// otel/* finding in the file, and the rest of the file untouched. Expected
// code is written out by hand from the fixture's code.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { PlannedFix } from '../../server/src/engine/fixes/plan';
import { addSpansToPackagePlan } from '../../server/src/engine/fixes/span';
import {
  applyPlan,
  assertGofmtClean,
  diagnosticAt,
  diagnosticsOfRule,
  findingsIn,
  openFixtureCopy,
  planFor,
  plansFor,
  readFile,
  requireGofmt,
  withoutFixed,
  type OpenedFixture,
} from './helpers/fixHarness';

const UNTRACED = 'otel/untraced-method';
const NOT_ENDED = 'otel/span-not-ended';

/** otel/* findings of `files` as "rule: message", sorted (messages name the method, lines move). */
function otelFindings(opened: OpenedFixture, ...files: string[]): string[] {
  return findingsIn(opened.result, files, 'otel/');
}

/** The declaration of the function whose line starts with `header`, through its closing `}` line. */
function funcText(source: string, header: string): string {
  const start = source.indexOf(`\n${header}`) + 1;
  assert.ok(start > 0, `no function ${header}`);
  const end = source.indexOf('\n}\n', start);
  return source.slice(start, end + 3);
}

function importBlock(source: string): string {
  const start = source.indexOf('\nimport') + 1;
  const close = source.indexOf('\n)\n', start);
  const single = source.indexOf('\n', start);
  return source.slice(start, source.charAt(start + 'import '.length) === '(' ? close + 3 : single + 1);
}

interface Applied {
  before: string;
  after: string;
  reopened: OpenedFixture;
}

/** Applies `plan`, checks gofmt on what it wrote, and reopens the fixture. */
async function applyAndReopen(t: TestContext, opened: OpenedFixture, plan: PlannedFix, file: string): Promise<Applied> {
  const before = readFile(opened.copy.root, file);
  const written = applyPlan(opened.copy.root, plan);
  if (requireGofmt(t)) assertGofmtClean(opened.copy.root, written);
  const reopened = await opened.reopen();
  return { before, after: readFile(opened.copy.root, file), reopened };
}

/** Opens `fixture`, applies the plan titled `title` for the diagnostic of `rule` on the line with `needle`, checks the findings. */
async function fixOne(t: TestContext, fixture: string, file: string, rule: string, needle: string, title: string): Promise<Applied> {
  const opened = await openFixtureCopy(fixture);
  t.after(() => opened.dispose());
  const d = diagnosticAt(opened, rule, file, needle);
  const findingsBefore = otelFindings(opened, file);
  const applied = await applyAndReopen(t, opened, planFor(opened, d, title), file);
  assert.deepEqual(otelFindings(applied.reopened, file), withoutFixed(findingsBefore, [d]));
  return applied;
}

describe('Add a span, reusing the receiver\'s tracer field (fix-tracer-field)', () => {
  const file = 'pkg/llms/llms.go';
  const importsWithCodes = `import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)
`;

  it('Client.Complete: builds the in-place error first and records the checked one', async (t) => {
    const { before, after } = await fixOne(t, 'fix-tracer-field', file, UNTRACED, 'func (c *Client) Complete(', 'Add a span to Client.Complete');
    const method = `func (c *Client) Complete(ctx context.Context, prompt string) (string, error) {
	ctx, span := c.tracer.Start(ctx, "llms.Client.Complete")
	defer span.End()
	if prompt == "" {
		err := errors.New("llms: empty prompt")
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return "", err
	}
	out, err := c.backend.Complete(ctx, c.model, prompt)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return "", fmt.Errorf("llms: complete: %w", err)
	}
	return strings.TrimSpace(out), nil
}
`;
    const expected = before.replace(funcText(before, 'func (c *Client) Complete('), method).replace(importBlock(before), importsWithCodes);
    assert.equal(after, expected);
  });

  it('Client.Stream: records a returned err behind a nil check', async (t) => {
    const { before, after } = await fixOne(t, 'fix-tracer-field', file, UNTRACED, 'func (c *Client) Stream(', 'Add a span to Client.Stream');
    const method = `func (c *Client) Stream(ctx context.Context, prompt string, onChunk func(string)) error {
	ctx, span := c.tracer.Start(ctx, "llms.Client.Stream")
	defer span.End()
	out, err := c.backend.Complete(ctx, c.model, prompt)
	for _, chunk := range strings.Fields(out) {
		onChunk(chunk)
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return err
}
`;
    assert.equal(after, before.replace(funcText(before, 'func (c *Client) Stream('), method).replace(importBlock(before), importsWithCodes));
  });

  it('Client.Models: no error result, so no recording and no import', async (t) => {
    const { before, after } = await fixOne(t, 'fix-tracer-field', file, UNTRACED, 'func (c *Client) Models(', 'Add a span to Client.Models');
    const method = `func (c *Client) Models(ctx context.Context) []string {
	ctx, span := c.tracer.Start(ctx, "llms.Client.Models")
	defer span.End()
	if ctx.Err() != nil {
		return nil
	}
	return []string{c.model}
}
`;
    assert.equal(after, before.replace(funcText(before, 'func (c *Client) Models('), method));
  });

  it('Embedder.Embed: leaves the closure\'s returns alone, records the method\'s own', async (t) => {
    const embed = 'pkg/llms/embed.go';
    const { before, after } = await fixOne(t, 'fix-tracer-field', embed, UNTRACED, 'func (e *Embedder) Embed(', 'Add a span to Embedder.Embed');
    const original = funcText(before, 'func (e *Embedder) Embed(');
    const method = original
      .replace('{\n\tout := ', '{\n\tctx, span := e.tracer.Start(ctx, "llms.Embedder.Embed")\n\tdefer span.End()\n\tout := ')
      .replace(
        '\t\tif err := each(text); err != nil {\n\t\t\treturn nil, err',
        '\t\tif err := each(text); err != nil {\n\t\t\tspan.RecordError(err)\n\t\t\tspan.SetStatus(codes.Error, err.Error())\n\t\t\treturn nil, err',
      );
    assert.notEqual(method, original);
    const imports = '"context"\n\t"errors"\n\n\t"go.opentelemetry.io/otel/codes"\n\t"go.opentelemetry.io/otel/trace"\n)';
    assert.equal(after, before.replace(original, method).replace('"context"\n\t"errors"\n\n\t"go.opentelemetry.io/otel/trace"\n)', imports));
  });

  it('Embedder.Warmup: names the unnamed receiver as the type\'s other methods do, and checks the returned call', async (t) => {
    const embed = 'pkg/llms/embed.go';
    const { before, after } = await fixOne(t, 'fix-tracer-field', embed, UNTRACED, 'func (*Embedder) Warmup(', 'Add a span to Embedder.Warmup');
    const method = `func (e *Embedder) Warmup(ctx context.Context) error {
	ctx, span := e.tracer.Start(ctx, "llms.Embedder.Warmup")
	defer span.End()
	if err := ctx.Err(); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}
`;
    const imports = '"context"\n\t"errors"\n\n\t"go.opentelemetry.io/otel/codes"\n\t"go.opentelemetry.io/otel/trace"\n)';
    const expected = before.replace(funcText(before, 'func (*Embedder) Warmup('), method).replace('"context"\n\t"errors"\n\n\t"go.opentelemetry.io/otel/trace"\n)', imports);
    assert.equal(after, expected);
  });

  it('Embedder.EmbedQuery: records a sentinel error without a nil check, and splits the returned call', async (t) => {
    const embed = 'pkg/llms/embed.go';
    const { before, after } = await fixOne(t, 'fix-tracer-field', embed, UNTRACED, 'func (e *Embedder) EmbedQuery(', 'Add a span to Embedder.EmbedQuery');
    const method = `func (e *Embedder) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	ctx, span := e.tracer.Start(ctx, "llms.Embedder.EmbedQuery")
	defer span.End()
	if text == "" {
		span.RecordError(errEmptyText)
		span.SetStatus(codes.Error, errEmptyText.Error())
		return nil, errEmptyText
	}
	out, err := e.backend.EmbedOne(ctx, text)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return out, err
}
`;
    const imports = '"context"\n\t"errors"\n\n\t"go.opentelemetry.io/otel/codes"\n\t"go.opentelemetry.io/otel/trace"\n)';
    const expected = before.replace(funcText(before, 'func (e *Embedder) EmbedQuery('), method).replace('"context"\n\t"errors"\n\n\t"go.opentelemetry.io/otel/trace"\n)', imports);
    assert.equal(after, expected);
  });

  it('offers all six untraced methods at once (not the ignored Health), each import added once per file', async (t) => {
    const opened = await openFixtureCopy('fix-tracer-field');
    t.after(() => opened.dispose());
    const d = diagnosticAt(opened, UNTRACED, file, 'func (c *Client) Complete(');
    const plans = plansFor(opened, d);
    assert.deepEqual(
      plans.map((p) => [p.title, p.safe]),
      [
        ['Add a span to Client.Complete', true],
        ['Add spans to all 6 untraced methods of llms', false],
      ],
    );
    const all = plans[1] as PlannedFix;
    assert.deepEqual(addSpansToPackagePlan(opened.ws, 'pkg/llms'), all);
    const embed = 'pkg/llms/embed.go';
    const fixed = [...diagnosticsOfRule(opened.result, UNTRACED, file), ...diagnosticsOfRule(opened.result, UNTRACED, embed)];
    assert.equal(fixed.length, 6);
    const findingsBefore = otelFindings(opened, file, embed);
    const healthBefore = funcText(readFile(opened.copy.root, file), 'func (c *Client) Health(');
    const { after, reopened } = await applyAndReopen(t, opened, all, file);
    assert.deepEqual(otelFindings(reopened, file, embed), withoutFixed(findingsBefore, fixed));
    for (const f of [file, embed]) assert.equal(readFile(reopened.copy.root, f).split('"go.opentelemetry.io/otel/codes"').length, 2, f);
    assert.equal(funcText(after, 'func (c *Client) Health('), healthBefore);
    const llms = reopened.result.analysis.packages.find((p) => p.model.path === 'pkg/llms')?.model.observability.tracingIntegration;
    assert.deepEqual(
      llms?.methods.filter((m) => !m.traced).map((m) => m.name),
      ['Client.Health'],
    );
  });
});

describe('Add a span through the package\'s span helper (fix-span-helper)', () => {
  const file = 'pkg/agents/agent.go';
  const imports = '"context"\n\t"errors"\n\t"strings"\n\n\t"go.opentelemetry.io/otel/codes"\n\t"go.opentelemetry.io/otel/trace"\n)';
  const withCodes = (source: string): string => source.replace('"context"\n\t"errors"\n\t"strings"\n\n\t"go.opentelemetry.io/otel/trace"\n)', imports);

  it('Agent.Plan: calls startSpan as Run does, not startStep', async (t) => {
    const { before, after } = await fixOne(t, 'fix-span-helper', file, UNTRACED, 'func (a *Agent) Plan(', 'Add a span to Agent.Plan');
    const method = `func (a *Agent) Plan(ctx context.Context, goal string) ([]string, error) {
	ctx, span := startSpan(ctx, "agents.Agent.Plan")
	defer span.End()
	if goal == "" {
		err := errors.New("agents: empty goal")
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	var plan []string
	for name := range a.tools {
		if strings.Contains(goal, name) {
			plan = append(plan, name)
		}
	}
	if err := ctx.Err(); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return plan, err
	}
	return plan, nil
}
`;
    assert.equal(after, withCodes(before.replace(funcText(before, 'func (a *Agent) Plan('), method)));
  });

  it('Agent.Reflect: uses the context parameter\'s own name, c', async (t) => {
    const { before, after } = await fixOne(t, 'fix-span-helper', file, UNTRACED, 'func (a *Agent) Reflect(', 'Add a span to Agent.Reflect');
    const method = `func (a *Agent) Reflect(c context.Context, note string) error {
	c, span := startSpan(c, "agents.Agent.Reflect")
	defer span.End()
	if err := c.Err(); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	a.notes = append(a.notes, note)
	return nil
}
`;
    assert.equal(after, withCodes(before.replace(funcText(before, 'func (a *Agent) Reflect('), method)));
  });

  it('Remote.Invoke: imports otel/codes as otelcodes next to gRPC\'s codes', async (t) => {
    const remote = 'pkg/agents/remote.go';
    const { before, after } = await fixOne(t, 'fix-span-helper', remote, UNTRACED, 'func (r *Remote) Invoke(', 'Add a span to Remote.Invoke');
    const method = `func (r *Remote) Invoke(ctx context.Context, input string) (string, error) {
	ctx, span := startSpan(ctx, "agents.Remote.Invoke")
	defer span.End()
	out, err := r.client.Invoke(ctx, input)
	if status.Code(err) == codes.Unavailable {
		span.RecordError(errRemoteDown)
		span.SetStatus(otelcodes.Error, errRemoteDown.Error())
		return "", errRemoteDown
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(otelcodes.Error, err.Error())
		return "", err
	}
	return out, nil
}
`;
    const grpc = '\t"google.golang.org/grpc/codes"\n';
    const expected = before.replace(funcText(before, 'func (r *Remote) Invoke('), method).replace(grpc, `\totelcodes "go.opentelemetry.io/otel/codes"\n${grpc}`);
    assert.equal(after, expected);
  });

  it('Agent.Step: no span fix where `span` is already a variable; the package fix leaves it out', async (t) => {
    const opened = await openFixtureCopy('fix-span-helper');
    t.after(() => opened.dispose());
    const d = diagnosticAt(opened, UNTRACED, file, 'func (a *Agent) Step(');
    assert.deepEqual(
      plansFor(opened, d).map((p) => p.title),
      ['Add spans to all 3 untraced methods of agents'],
    );
    const stepBefore = funcText(readFile(opened.copy.root, file), 'func (a *Agent) Step(');
    const { after, reopened } = await applyAndReopen(t, opened, planFor(opened, d, 'Add spans to all 3 untraced methods of agents'), file);
    assert.equal(funcText(after, 'func (a *Agent) Step('), stepBefore);
    assert.deepEqual(
      diagnosticsOfRule(reopened.result, UNTRACED).map((x) => x.message.split(' ')[0]),
      ['Agent.Step'],
    );
  });
});

describe('Add a span where the context is `_` (fix-blank-ctx)', () => {
  const file = 'pkg/memory/memory.go';

  it('Store.Clear: renames `_` to ctx, starts on the package tracer variable, keeps no unused context', async (t) => {
    const { before, after } = await fixOne(t, 'fix-blank-ctx', file, UNTRACED, 'func (s *Store) Clear(', 'Add a span to Store.Clear');
    const method = `func (s *Store) Clear(ctx context.Context) error {
	_, span := tracer.Start(ctx, "memory.Store.Clear")
	defer span.End()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = nil
	return nil
}
`;
    assert.equal(after, before.replace(funcText(before, 'func (s *Store) Clear('), method));
  });

  it('Store.Len: reported with scope `all`, but takes no context, so no span fix', async (t) => {
    const opened = await openFixtureCopy('fix-blank-ctx');
    t.after(() => opened.dispose());
    const d = diagnosticAt(opened, UNTRACED, file, 'func (s *Store) Len(');
    assert.deepEqual(plansFor(opened, d), []);
  });
});

describe('fixes that add imports, or none (fix-no-imports)', () => {
  it('Calculator.Add: falls back to otel.Tracer("<import path>") and turns the single import into a block', async (t) => {
    const file = 'pkg/tools/tools.go';
    const { after } = await fixOne(t, 'fix-no-imports', file, UNTRACED, 'func (c *Calculator) Add(', 'Add a span to Calculator.Add');
    assert.equal(
      after,
      `// Package tools holds the tools agents call.
package tools

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

// Calculator adds numbers for an agent.
type Calculator struct {
	calls int
}

// Add is not traced.
func (c *Calculator) Add(ctx context.Context, a, b int) (int, error) {
	ctx, span := otel.Tracer("example.com/noimports/pkg/tools").Start(ctx, "tools.Calculator.Add")
	defer span.End()
	if err := ctx.Err(); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return 0, err
	}
	c.calls++
	return a + b, nil
}
`,
    );
  });

  it('Ticker.Tick: defers End in a file without imports, adding none', async (t) => {
    const file = 'pkg/tools/ticker.go';
    const { after } = await fixOne(t, 'fix-no-imports', file, NOT_ENDED, 'tracer.Start(', 'Add defer span.End()');
    assert.equal(
      after,
      `package tools

// Ticker records the steps of the run it belongs to.
type Ticker struct {
	run *Run
}

// Tick starts a span for one step and never ends it.
func (t *Ticker) Tick(step int) {
	_, span := t.run.tracer.Start(t.run.ctx, "tools.Ticker.Tick")
	defer span.End()
	span.AddEvent("tick")
	t.run.steps = append(t.run.steps, step)
}
`,
    );
  });
});

describe('Add defer span.End() (fix-span-not-ended)', () => {
  const file = 'pkg/rag/retriever.go';

  it('Retriever.Retrieve: on the line after the start', async (t) => {
    const { before, after } = await fixOne(t, 'fix-span-not-ended', file, NOT_ENDED, '"rag.Retriever.Retrieve"', 'Add defer span.End()');
    const start = '\tctx, span := r.tracer.Start(ctx, "rag.Retriever.Retrieve")\n';
    assert.equal(after, before.replace(start, `${start}\tdefer span.End()\n`));
  });

  it('Retriever.Rerank: names the discarded span `span`', async (t) => {
    const { before, after } = await fixOne(t, 'fix-span-not-ended', file, NOT_ENDED, '"rag.Retriever.Rerank"', 'Add defer span.End()');
    const start = '\tspanCtx, _ := r.tracer.Start(ctx, "rag.Retriever.Rerank")\n';
    assert.equal(after, before.replace(start, '\tspanCtx, span := r.tracer.Start(ctx, "rag.Retriever.Rerank")\n\tdefer span.End()\n'));
  });

  it('Retriever.Warm: after the whole statement when the call spans two lines', async (t) => {
    const { before, after } = await fixOne(t, 'fix-span-not-ended', file, NOT_ENDED, '"rag.Retriever.Warm"', 'Add defer span.End()');
    const start = '\t\ttrace.WithAttributes(attribute.Int("rag.queries", len(queries))))\n';
    assert.equal(after, before.replace(start, `${start}\tdefer span.End()\n`));
  });

  it('Retriever.SearchAll: no defer offered for a span started in a loop', async (t) => {
    const opened = await openFixtureCopy('fix-span-not-ended');
    t.after(() => opened.dispose());
    assert.deepEqual(plansFor(opened, diagnosticAt(opened, NOT_ENDED, file, '"rag.Retriever.SearchAll"')), []);
  });
});
