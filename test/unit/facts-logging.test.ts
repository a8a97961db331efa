// Per-file facts about log calls: library, level, context, and the context a
// fix can pass.
// Each test parses the Go snippet written in it and checks what that snippet
// shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { funcNamed, positionOf, useParser } from './facts-support';

const parser = useParser();

describe('log calls', () => {
  it('reads slog calls: level, context variant, and the context a fix can pass', () => {
    const src = [
      'package p',
      'import "log/slog"',
      'func (s *S) Handle(ctx context.Context, req Request) {',
      '\tslog.Info("handling", "id", req.ID)',
      '\tslog.ErrorContext(ctx, "failed")',
      '\ts.logger.Warn("slow")',
      '\tslog.Log(ctx, slog.LevelDebug, "low")',
      '\tslog.Debugf("not slog API but slog-shaped")',
      '}',
      'func background(_ context.Context) { slog.Info("no usable ctx") }',
      'func noContext() { slog.Warn("nothing to pass") }',
    ].join('\n');
    const facts = parser().extract(src);
    const handle = funcNamed(facts, 'Handle').logCalls;
    assert.deepEqual(
      handle.map((c) => [c.library, c.level, c.callee, c.withContext, c.contextName]),
      [
        ['slog', 'info', 'slog.Info', false, 'ctx'],
        ['slog', 'error', 'slog.ErrorContext', true, undefined],
        ['slog', 'warn', 's.logger.Warn', false, 'ctx'],
        ['slog', 'debug', 'slog.Log', true, undefined],
        ['slog', 'debug', 'slog.Debugf', false, undefined],
      ],
    );
    const infoAt = positionOf(src, 'Info("handling"');
    assert.deepEqual(handle[0]?.nameRange, { start: infoAt, end: { line: infoAt.line, character: infoAt.character + 4 } });
    assert.deepEqual(handle[0]?.range.start, positionOf(src, 'slog.Info("handling"'));
    assert.equal(funcNamed(facts, 'background').logCalls[0]?.contextName, undefined);
    assert.equal(funcNamed(facts, 'noContext').logCalls[0]?.contextName, undefined);
  });

  it('reads zap calls, including zap.L() and sugared variants', () => {
    const src = [
      'package p',
      'import "go.uber.org/zap"',
      'func f(ctx context.Context) {',
      '\tzap.L().Info("x", zap.String("k", "v"))',
      '\tzap.S().Warnw("y", "k", 1)',
      '\ts.log.Errorf("z %d", 1)',
      '\tlogger.With(zap.Int("n", 1)).Debug("w")',
      '}',
    ].join('\n');
    assert.deepEqual(
      funcNamed(parser().extract(src), 'f').logCalls.map((c) => [c.library, c.level, c.withContext, c.contextName]),
      [
        ['zap', 'info', false, undefined],
        ['zap', 'warn', false, undefined],
        ['zap', 'error', false, undefined],
        ['zap', 'debug', false, undefined],
      ],
    );
  });

  it('reads zerolog events, with Ctx(ctx) as context', () => {
    const src = [
      'package p',
      'import "github.com/rs/zerolog/log"',
      'func f(ctx context.Context, err error) {',
      '\tlog.Info().Str("k", "v").Msg("x")',
      '\ts.logger.Error().Err(err).Msg("y")',
      '\tlog.Ctx(ctx).Warn().Msg("z")',
      '\tlog.Debug().Ctx(ctx).Msg("w")',
      '}',
    ].join('\n');
    assert.deepEqual(
      funcNamed(parser().extract(src), 'f').logCalls.map((c) => [c.library, c.level, c.callee, c.withContext]),
      [
        ['zerolog', 'info', 'log.Info', false],
        ['zerolog', 'error', 's.logger.Error', false],
        ['zerolog', 'warn', 'log.Ctx(ctx).Warn', true],
        ['zerolog', 'debug', 'log.Debug', true],
      ],
    );
  });

  it('counts logrus as structured only when chained on WithField(s)', () => {
    const src = [
      'package p',
      'import log "github.com/sirupsen/logrus"',
      'func f() {',
      '\tlog.WithField("k", 1).Info("structured")',
      '\tlog.WithFields(log.Fields{"k": 1}).Warnf("structured %d", 2)',
      '\tlog.Infof("plain %d", 3)',
      '}',
    ].join('\n');
    assert.deepEqual(
      funcNamed(parser().extract(src), 'f').logCalls.map((c) => [c.library, c.level]),
      [
        ['logrus', 'info'],
        ['logrus', 'warn'],
        ['other', 'info'],
      ],
    );
  });

  it('reads logr, and log-named receivers without a known library as other', () => {
    const logr = 'package p\nimport "github.com/go-logr/logr"\nfunc f(ctx context.Context) { logr.FromContextOrDiscard(ctx).Info("x"); s.log.Error(err, "y") }';
    assert.deepEqual(
      parser().extract(logr).funcs[0]?.logCalls.map((c) => [c.library, c.level, c.withContext]),
      [
        ['logr', 'info', true],
        ['logr', 'error', false],
      ],
    );
    const unknown = 'package p\nfunc f() { s.logger.Info("x"); err.Error(); s.client.Info(); log.Printf("x"); log.Fatal("y") }';
    assert.deepEqual(parser().extract(unknown).funcs[0]?.logCalls.map((c) => [c.library, c.callee]), [['other', 's.logger.Info']]);
  });
});
