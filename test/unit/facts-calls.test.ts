// Per-file facts about calls: names and operands, registrations, metric
// definitions, unstructured calls and unfinished-code panics.
// Each test parses the Go snippet written in it and checks what that snippet
// shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { funcNamed, positionOf, useParser } from './facts-support';

const parser = useParser();

describe('calls', () => {
  it('names each call by its last name, with operand, operand name and argument count', () => {
    const src = [
      'package p',
      'func (s *Service) Do(ctx context.Context) {',
      '\tf(x)',
      '\ta.b.C(x, y)',
      '\totel.Tracer("x").Start(ctx, "op")',
      '\tgetTracer().Start(ctx, "op")',
      '\ts.tracer.Start(ctx, "op")',
      '\ts.helper(ctx)',
      '\tF[int](x)',
      '\tpkg.G[string](x)',
      '\tH[int, string](x, y)',
      '\tfunc() { inner(ctx /* why */, 1) }()',
      '}',
    ].join('\n');
    const calls = funcNamed(parser().extract(src), 'Do').calls;
    assert.deepEqual(
      calls.map((c) => [c.name, c.operand, c.operandName, c.onReceiver, c.argCount]),
      [
        ['f', undefined, undefined, false, 1],
        ['C', 'a.b', 'b', false, 2],
        ['Start', 'otel.Tracer("x")', 'Tracer', false, 2],
        ['Tracer', 'otel', 'otel', false, 1],
        ['Start', 'getTracer()', 'getTracer', false, 2],
        ['getTracer', undefined, undefined, false, 0],
        ['Start', 's.tracer', 'tracer', false, 2],
        ['helper', 's', 's', true, 1],
        ['F', undefined, undefined, false, 1],
        ['G', 'pkg', 'pkg', false, 1],
        ['H', undefined, undefined, false, 2],
        ['inner', undefined, undefined, false, 2],
      ],
    );
    const c = calls[1];
    assert.deepEqual(c?.range, { start: positionOf(src, 'a.b.C'), end: { line: 3, character: '\ta.b.C(x, y)'.length } });
  });

  it('assigns calls to their top-level function by position, package-level calls to none', () => {
    const src = [
      'package p',
      'var client = newClient()',
      'func first() { a() }',
      'func second() {',
      '\tgo func() { b() }()',
      '\tdefer c()',
      '}',
      'var later = d()',
    ].join('\n');
    const facts = parser().extract(src);
    assert.deepEqual(
      facts.funcs.map((f) => [f.name, f.calls.map((c) => c.name)]),
      [
        ['first', ['a']],
        ['second', ['b', 'c']],
      ],
    );
  });

  it('reads registration arguments: key parts and factory name', () => {
    const src = [
      'package p',
      'func init() {',
      '\tllms.GetRegistry().Register("openai", NewOpenAI)',
      '\tr.registry.Register(ProviderName, openai.New)',
      '\tRegister(string(MemoryTypeBuffer), func(c Config) (Memory, error) { return nil, nil })',
      '\tglobalRegistry.RegisterLLM(prefix+"-chat", makeFactory(cfg))',
      '\tRegisterDynamic(names[0], factories.Get("x"))',
      '\tRegisterOne("only")',
      '}',
    ].join('\n');
    const registers = funcNamed(parser().extract(src), 'init').calls.filter((c) => c.name.startsWith('Register'));
    assert.deepEqual(
      registers.map((c) => [c.name, c.registerArgs]),
      [
        ['Register', { key: [{ literal: 'openai' }], factory: 'NewOpenAI' }],
        ['Register', { key: [{ ident: 'ProviderName' }], factory: 'openai.New' }],
        ['Register', { key: [{ ident: 'MemoryTypeBuffer' }], factory: 'func' }],
        ['RegisterLLM', { key: [{ ident: 'prefix' }, { literal: '-chat' }], factory: 'makeFactory' }],
        ['RegisterDynamic', { factory: 'factories.Get' }],
        ['RegisterOne', undefined],
      ],
    );
  });

  it('notes reading the span context and the trace id', () => {
    const src = [
      'package p',
      'func a(ctx context.Context) { sc := trace.SpanContextFromContext(ctx); log(sc.TraceID().String()) }',
      'func b(ctx context.Context) { _ = trace.SpanFromContext(ctx).SpanContext() }',
      'func c(ctx context.Context) { SpanContext(); TraceID() }',
    ].join('\n');
    const facts = parser().extract(src);
    assert.deepEqual(
      facts.funcs.map((f) => [f.name, f.readsSpanContext, f.usesTraceID]),
      [
        ['a', true, true],
        ['b', true, false],
        ['c', false, false],
      ],
    );
  });
});

describe('metrics', () => {
  it('reads instrument, type, literal name, unit, description, meter and enclosing function', () => {
    const src = [
      'package p',
      'func (m *Metrics) init() {',
      '\tm.requests, _ = m.meter.Int64Counter("llms.requests",',
      '\t\tmetric.WithDescription("Requests sent"),',
      '\t\tmetric.WithUnit("{request}"))',
      '\tm.latency, _ = otel.Meter("llms").Float64Histogram(`llms.latency`, metric.WithUnit("ms"))',
      '}',
    ].join('\n');
    const metrics = parser().extract(src).metrics;
    assert.deepEqual(
      metrics.map((m) => [m.instrument, m.type, m.name, m.unit, m.description, m.meter, m.inFunction]),
      [
        ['Int64Counter', 'counter', { literal: 'llms.requests' }, '{request}', 'Requests sent', 'm.meter', 'init'],
        ['Float64Histogram', 'histogram', { literal: 'llms.latency' }, 'ms', undefined, 'otel.Meter("llms")', 'init'],
      ],
    );
    assert.deepEqual(metrics[0]?.nameRange, {
      start: positionOf(src, '"llms.requests"'),
      end: { line: 2, character: positionOf(src, '"llms.requests"').character + '"llms.requests"'.length },
    });
    assert.deepEqual(metrics[0]?.range.start, positionOf(src, 'm.meter.Int64Counter'));
  });

  it('keeps constant and concatenated names as parts, anything else as dynamic', () => {
    const src = [
      'package p',
      'const requestsName = "llms.requests"',
      'var (',
      '\tcounter, _ = meter.Int64Counter(requestsName)',
      '\tgauge, _ = meter.Int64UpDownCounter(prefix + ".active")',
      '\tdyn, _ = meter.Float64Gauge(fmt.Sprintf("%s.x", name))',
      '\tescaped, _ = meter.Int64Gauge("a\\x2eb\\u00e9\\101")',
      ')',
    ].join('\n');
    const metrics = parser().extract(src).metrics;
    assert.deepEqual(
      metrics.map((m) => [m.type, m.name, m.inFunction]),
      [
        ['counter', { parts: [{ ident: 'requestsName' }] }, undefined],
        ['updowncounter', { parts: [{ ident: 'prefix' }, { literal: '.active' }] }, undefined],
        ['gauge', { dynamic: true }, undefined],
        ['gauge', { literal: 'a.bé\u0041' }, undefined],
      ],
    );
  });

  it('reads Observable instruments and ignores look-alikes without a meter', () => {
    const src = [
      'package p',
      'func register(m metric.Meter) {',
      '\tm.Int64ObservableCounter("a.b")',
      '\tm.Float64ObservableGauge("a.c")',
      '\tm.Int64ObservableUpDownCounter("a.d")',
      '\tInt64Counter("bare")',
      '\tm.Int64CounterLike("x")',
      '}',
    ].join('\n');
    assert.deepEqual(
      parser().extract(src).metrics.map((m) => [m.instrument, m.type, m.name]),
      [
        ['Int64ObservableCounter', 'counter', { literal: 'a.b' }],
        ['Float64ObservableGauge', 'gauge', { literal: 'a.c' }],
        ['Int64ObservableUpDownCounter', 'updowncounter', { literal: 'a.d' }],
      ],
    );
  });
});

describe('unstructured calls and placeholders', () => {
  it('lists fmt.Print* and log.Print* calls', () => {
    const src = 'package main\nvar _ = fmt.Sprintf("x")\nfunc main() { fmt.Println("a"); log.Printf("%d", 1); fmt.Fprintf(w, "x"); log.Print("b") }';
    const calls = parser().extract(src).unstructuredCalls;
    assert.deepEqual(calls.map((c) => c.callee), ['fmt.Println', 'log.Printf', 'log.Print']);
    assert.deepEqual(calls[0]?.range.start, positionOf(src, 'fmt.Println'));
  });

  it('lists panics that mark unfinished code', () => {
    const src = [
      'package p',
      'func a() { panic("not implemented") }',
      'func b() { panic("TODO: support streaming") }',
      'func c() { panic(errors.New("method Unimplemented")) }',
      'func d() { panic(`Not Yet Implemented`) }',
      'func e() { panic("unreachable") }',
      'func f() { panic(err) }',
    ].join('\n');
    const panics = parser().extract(src).notImplementedPanics;
    assert.deepEqual(
      panics.map((range) => range.start),
      ['a()', 'b()', 'c()', 'd()'].map((name) => {
        const start = positionOf(src, `func ${name}`);
        return { line: start.line, character: `func ${name} { `.length };
      }),
    );
  });
});
