// Per-file facts about span starts: which calls start a span, and whether the
// function ends it, hands it on, and records the errors it returns.
// Each test parses the Go snippet written in it and checks what that snippet
// shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { funcNamed, positionOf, useParser } from './facts-support';

const parser = useParser();

describe('span starts', () => {
  it('finds direct starts on tracers by field, helper call and otel.Tracer(...)', () => {
    const src = [
      'package p',
      'func (s *S) A(ctx context.Context) {',
      '\tctx, span := s.tracer.Start(ctx, "a")',
      '\tdefer span.End()',
      '}',
      'func B(ctx context.Context) {',
      '\t_, span := otel.Tracer("pkg").Start(ctx, "b")',
      '\tspan.End()',
      '}',
      'func C(ctx context.Context) {',
      '\tvar _, sp = getTracer().Start(ctx, "c")',
      '\tsp.End()',
      '}',
      'func D(ctx context.Context) { s.server.Start(ctx) }',
    ].join('\n');
    const facts = parser().extract(src);
    assert.deepEqual(
      facts.funcs.map((f) => f.spanStarts.map((s) => [s.tracer, s.spanVar, s.ended])),
      [[['s.tracer', 'span', true]], [['otel.Tracer("pkg")', 'span', true]], [['getTracer()', 'sp', true]], []],
    );
    assert.deepEqual(facts.funcs[0]?.spanStarts[0]?.range.start, positionOf(src, 's.tracer.Start'));
  });

  it('finds starts inside closures and ends inside closures', () => {
    const src = [
      'package p',
      'func (s *S) Stream(ctx context.Context) {',
      '\tgo func() {',
      '\t\tctx, span := s.tracer.Start(ctx, "stream")',
      '\t\tdefer func() { span.End() }()',
      '\t}()',
      '}',
    ].join('\n');
    const [start] = funcNamed(parser().extract(src), 'Stream').spanStarts;
    assert.equal(start?.spanVar, 'span');
    assert.equal(start?.ended, true);
  });

  it('tells a span never ended, one handed on, and one discarded', () => {
    const src = [
      'package p',
      'func (s *S) Leaks(ctx context.Context) {',
      '\tctx, span := s.tracer.Start(ctx, "leak")',
      '\tspan.AddEvent("x")',
      '}',
      'func (s *S) startSpan(ctx context.Context) (context.Context, trace.Span) {',
      '\tctx, span := s.tracer.Start(ctx, "helper")',
      '\treturn ctx, span',
      '}',
      'func (s *S) Passes(ctx context.Context) {',
      '\tctx, span := s.tracer.Start(ctx, "pass")',
      '\tfinish(span)',
      '}',
      'func (s *S) Stores(ctx context.Context) {',
      '\tctx, span := s.tracer.Start(ctx, "store")',
      '\ts.current = &op{span: span}',
      '}',
      'func (s *S) Returns(ctx context.Context) (context.Context, trace.Span) {',
      '\treturn s.tracer.Start(ctx, "direct")',
      '}',
      'func (s *S) Discards(ctx context.Context) {',
      '\tctx, _ = s.tracer.Start(ctx, "discard")',
      '}',
    ].join('\n');
    const facts = parser().extract(src);
    assert.deepEqual(
      facts.funcs.map((f) => [f.name, f.spanStarts.map((s) => [s.spanVar, s.ended, s.handedOn])]),
      [
        ['Leaks', [['span', false, false]]],
        ['startSpan', [['span', false, true]]],
        ['Passes', [['span', false, true]]],
        ['Stores', [['span', false, true]]],
        ['Returns', [[undefined, false, true]]],
        ['Discards', [['_', false, false]]],
      ],
    );
  });

  it('tells whether an error returned after the start is recorded on the span', () => {
    const src = [
      'package p',
      'func (s *S) Unrecorded(ctx context.Context) error {',
      '\tctx, span := s.tracer.Start(ctx, "a")',
      '\tdefer span.End()',
      '\tif err := s.do(ctx); err != nil {',
      '\t\treturn fmt.Errorf("do: %w", err)',
      '\t}',
      '\treturn nil',
      '}',
      'func (s *S) Recorded(ctx context.Context) (int, error) {',
      '\tctx, span := s.tracer.Start(ctx, "b")',
      '\tdefer span.End()',
      '\tn, err := s.count(ctx)',
      '\tif err != nil {',
      '\t\tspan.RecordError(err)',
      '\t\tspan.SetStatus(codes.Error, err.Error())',
      '\t\treturn 0, err',
      '\t}',
      '\treturn n, nil',
      '}',
      'func (s *S) OnlyNil(ctx context.Context) error {',
      '\tif s == nil { return errors.New("before the start") }',
      '\tctx, span := s.tracer.Start(ctx, "c")',
      '\tdefer span.End()',
      '\tg.Go(func() error { return errors.New("closure") })',
      '\treturn nil',
      '}',
      'func (s *S) Named(ctx context.Context) (err error) {',
      '\tctx, span := s.tracer.Start(ctx, "d")',
      '\tdefer span.End()',
      '\terr = s.do(ctx)',
      '\treturn',
      '}',
      'func (s *S) NoError(ctx context.Context) int {',
      '\tctx, span := s.tracer.Start(ctx, "e")',
      '\tdefer span.End()',
      '\treturn 1',
      '}',
    ].join('\n');
    const facts = parser().extract(src);
    assert.deepEqual(
      facts.funcs.map((f) => [f.name, f.spanStarts[0]?.returnsErrorAfter, f.spanStarts[0]?.errorRecorded]),
      [
        ['Unrecorded', true, false],
        ['Recorded', true, true],
        ['OnlyNil', false, false],
        ['Named', true, false],
        ['NoError', false, false],
      ],
    );
  });

  it('judges a span started in a closure by that closure\'s own returns', () => {
    const src = [
      'package p',
      'func (s *S) Fanout(ctx context.Context) error {',
      '\tg.Go(func() error {',
      '\t\tctx, span := s.tracer.Start(ctx, "worker")',
      '\t\tdefer span.End()',
      '\t\treturn s.work(ctx)',
      '\t})',
      '\treturn g.Wait()',
      '}',
    ].join('\n');
    const [start] = funcNamed(parser().extract(src), 'Fanout').spanStarts;
    assert.equal(start?.returnsErrorAfter, true);
    const noErrorClosure = src.replace('g.Go(func() error {', 'go func() {').replace('return s.work(ctx)', 's.work(ctx)').replace('\t})', '\t}()');
    assert.equal(funcNamed(parser().extract(noErrorClosure), 'Fanout').spanStarts[0]?.returnsErrorAfter, false);
  });
});
