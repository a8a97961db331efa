// Building fixture modules with the real Go toolchain, offline: the parts of
// go.opentelemetry.io/otel that fixtures and templates use (otel.Tracer and
// otel.Meter, trace, codes, the metric instruments of metrics.go, attribute)
// are replaced by a local stub module with the same API,
// so `go vet` and `go test` prove generated code compiles and its tests pass
// without a module download. Skips (outside CI) when `go` is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

const STUB_DIR = '_otelstub';

const STUB_FILES: Record<string, string> = {
  'go.mod': 'module go.opentelemetry.io/otel\n\ngo 1.19\n',
  'otel.go': `// Package otel is a stub of the OpenTelemetry API for offline builds.
package otel

import (
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// Tracer returns a tracer whose spans record nothing.
func Tracer(name string, opts ...trace.TracerOption) trace.Tracer {
	return trace.NewNoopTracer()
}

// Meter returns a meter whose instruments record nothing.
func Meter(name string, opts ...metric.MeterOption) metric.Meter {
	return metric.NewNoopMeter()
}
`,
  'attribute/attribute.go': `// Package attribute is a stub of the OpenTelemetry attributes.
package attribute

// KeyValue is one attribute.
type KeyValue struct {
	Key   string
	Value any
}

// String returns a string attribute.
func String(k, v string) KeyValue {
	return KeyValue{Key: k, Value: v}
}

// Bool returns a bool attribute.
func Bool(k string, v bool) KeyValue {
	return KeyValue{Key: k, Value: v}
}

// Int returns an int attribute.
func Int(k string, v int) KeyValue {
	return KeyValue{Key: k, Value: v}
}
`,
  'metric/metric.go': `// Package metric is a stub of the OpenTelemetry metric API.
package metric

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
)

// Options of meters, instruments and measurements: anything goes in the stub.
type (
	MeterOption             interface{}
	InstrumentOption        interface{}
	Int64CounterOption      interface{}
	Float64HistogramOption  interface{}
	Int64HistogramOption    interface{}
	Float64CounterOption    interface{}
	Int64UpDownCounterOption interface{}
	AddOption               interface{}
	RecordOption            interface{}
	MeasurementOption       interface{}
)

// WithDescription sets an instrument's description.
func WithDescription(desc string) InstrumentOption { return desc }

// WithUnit sets an instrument's unit.
func WithUnit(unit string) InstrumentOption { return unit }

// WithAttributes adds attributes to a measurement.
func WithAttributes(attrs ...attribute.KeyValue) MeasurementOption { return attrs }

// Int64Counter counts.
type Int64Counter interface {
	Add(ctx context.Context, incr int64, opts ...AddOption)
}

// Float64Counter counts fractions.
type Float64Counter interface {
	Add(ctx context.Context, incr float64, opts ...AddOption)
}

// Int64UpDownCounter goes up and down.
type Int64UpDownCounter interface {
	Add(ctx context.Context, incr int64, opts ...AddOption)
}

// Float64Histogram records a distribution.
type Float64Histogram interface {
	Record(ctx context.Context, value float64, opts ...RecordOption)
}

// Int64Histogram records a distribution of integers.
type Int64Histogram interface {
	Record(ctx context.Context, value int64, opts ...RecordOption)
}

// Meter creates instruments.
type Meter interface {
	Int64Counter(name string, opts ...Int64CounterOption) (Int64Counter, error)
	Float64Counter(name string, opts ...Float64CounterOption) (Float64Counter, error)
	Int64UpDownCounter(name string, opts ...Int64UpDownCounterOption) (Int64UpDownCounter, error)
	Float64Histogram(name string, opts ...Float64HistogramOption) (Float64Histogram, error)
	Int64Histogram(name string, opts ...Int64HistogramOption) (Int64Histogram, error)
}

type noop struct{}

// NewNoopMeter returns a meter whose instruments record nothing.
func NewNoopMeter() Meter { return noop{} }

func (noop) Int64Counter(string, ...Int64CounterOption) (Int64Counter, error) { return noop{}, nil }

func (noop) Float64Counter(string, ...Float64CounterOption) (Float64Counter, error) {
	return noopFloat{}, nil
}

func (noop) Int64UpDownCounter(string, ...Int64UpDownCounterOption) (Int64UpDownCounter, error) {
	return noop{}, nil
}

func (noop) Float64Histogram(string, ...Float64HistogramOption) (Float64Histogram, error) {
	return noopFloat{}, nil
}

func (noop) Int64Histogram(string, ...Int64HistogramOption) (Int64Histogram, error) {
	return noopRecord{}, nil
}

func (noop) Add(context.Context, int64, ...AddOption) {}

type noopFloat struct{}

func (noopFloat) Add(context.Context, float64, ...AddOption) {}

func (noopFloat) Record(context.Context, float64, ...RecordOption) {}

type noopRecord struct{}

func (noopRecord) Record(context.Context, int64, ...RecordOption) {}
`,
  'codes/codes.go': `// Package codes is a stub of the OpenTelemetry status codes.
package codes

// Code is a span status code.
type Code uint32

// The status codes.
const (
	Unset Code = 0
	Error Code = 1
	Ok    Code = 2
)
`,
  'trace/trace.go': `// Package trace is a stub of the OpenTelemetry trace API.
package trace

import (
	"context"

	"go.opentelemetry.io/otel/codes"
)

// TracerOption configures a tracer.
type TracerOption interface{}

// SpanStartOption configures a span at its start.
type SpanStartOption interface{}

// SpanEndOption configures a span at its end.
type SpanEndOption interface{}

// EventOption configures an event.
type EventOption interface{}

// Tracer starts spans.
type Tracer interface {
	Start(ctx context.Context, name string, opts ...SpanStartOption) (context.Context, Span)
}

// Span is one traced operation.
type Span interface {
	End(opts ...SpanEndOption)
	RecordError(err error, opts ...EventOption)
	SetStatus(code codes.Code, description string)
}

type noopTracer struct{}

type noopSpan struct{}

// NewNoopTracer returns a tracer whose spans record nothing.
func NewNoopTracer() Tracer {
	return noopTracer{}
}

func (noopTracer) Start(ctx context.Context, name string, opts ...SpanStartOption) (context.Context, Span) {
	return ctx, noopSpan{}
}

func (noopSpan) End(opts ...SpanEndOption) {}

func (noopSpan) RecordError(err error, opts ...EventOption) {}

func (noopSpan) SetStatus(code codes.Code, description string) {}
`,
};

let goFound: boolean | undefined;

export function goAvailable(): boolean {
  if (goFound === undefined) goFound = spawnSync('go', ['version'], { stdio: 'ignore' }).error === undefined;
  return goFound;
}

/** Skips the test when go is missing outside CI; fails in CI. */
export function requireGo(t: TestContext): boolean {
  if (goAvailable()) return true;
  assert.ok(process.env['CI'] !== 'true', 'go is not installed; .ci/run installs golang-go');
  t.skip('go not installed (apt-get install golang-go)');
  return false;
}

/**
 * Points the module at `root` to the otel stub (written next to it) and runs
 * `go vet ./...` and `go test ./...` offline; fails with their output.
 */
export function assertGoBuildsAndTests(root: string): void {
  for (const [file, content] of Object.entries(STUB_FILES)) {
    const target = path.join(root, STUB_DIR, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  const goMod = fs.readFileSync(path.join(root, 'go.mod'), 'utf8');
  const module = /^module\s+(\S+)/m.exec(goMod)?.[1];
  assert.ok(module, 'go.mod has a module line');
  // The stub is one module holding otel, otel/codes and otel/trace (upstream, trace is a module of its own).
  fs.writeFileSync(
    path.join(root, 'go.mod'),
    `module ${module}\n\ngo 1.19\n\nrequire go.opentelemetry.io/otel v1.28.0\n\nreplace go.opentelemetry.io/otel => ./${STUB_DIR}\n`,
  );
  for (const args of [
    ['vet', './pkg/...'],
    ['test', '-count=1', './pkg/...'],
  ]) {
    const run = runGo(root, args);
    assert.ok(run.ok, `go ${args.join(' ')}:\n${run.output}`);
  }
}

/** Runs the go tool in `root`, offline, with the module's own go.mod and toolchain. */
export function runGo(root: string, args: string[]): { ok: boolean; output: string } {
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' };
  const run = spawnSync('go', args, { cwd: root, env, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
