// Per-file facts the provider and multimodal models read: numeric constants,
// DefaultConfig() literals, MIME literals and authentication header names.
// Each test parses the Go snippet written in it and checks what that snippet
// shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goNumber } from '../../server/src/engine/facts/goLiterals';
import { useParser } from './facts-support';

const parser = useParser();

describe('numeric constants', () => {
  it('gives number literals their value, signed, with underscores, in any base', () => {
    const src = [
      'package p',
      'const (',
      '\tDims = 1_536',
      '\tHex, Octal, Old, Binary = 0x1F, 0o17, 017, 0b101',
      '\tRatio = -0.25',
      '\tBig = 2.5e3',
      '\tName = "text"',
      '\tDuration = 30 * time.Second',
      '\tFirst = iota',
      ')',
    ].join('\n');
    const consts = parser().extract(src).consts;
    assert.deepEqual(
      consts.map((c) => [c.name, c.number]),
      [
        ['Dims', 1536],
        ['Hex', 31],
        ['Octal', 15],
        ['Old', 15],
        ['Binary', 5],
        ['Ratio', -0.25],
        ['Big', 2500],
        ['Name', undefined],
        ['Duration', undefined],
        ['First', undefined],
      ],
    );
  });

  it('reads Go number literals as Go does', () => {
    assert.equal(goNumber('1_000_000'), 1000000);
    assert.equal(goNumber('0X_FF'), 255);
    assert.equal(goNumber('.5'), 0.5);
    assert.equal(goNumber('1e-3'), 0.001);
    assert.equal(goNumber('09'), undefined); // not octal, not decimal either
    assert.equal(goNumber('1i'), undefined);
    assert.equal(goNumber('0x1p-2'), undefined);
  });

  it('keeps number facts plain JSON: no Infinity for a huge constant, no -0', () => {
    assert.equal(goNumber('1e1000'), undefined);
    const facts = parser().extract('package p\n\nconst (\n\tHuge = 1e1000\n\tNegZero = -0.0\n\tMinus = -2\n)\n');
    assert.deepEqual(
      facts.consts.map((c) => [c.name, c.number]),
      [
        ['Huge', undefined],
        ['NegZero', 0],
        ['Minus', -2],
      ],
    );
    assert.ok(Object.is(facts.consts[1]?.number, 0));
    assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts);
  });
});

describe('DefaultConfig() literals', () => {
  it('keeps the literal-valued keyed fields of the first literal of each type', () => {
    const src = [
      'package p',
      'func DefaultConfig() *Config {',
      '\tcfg := &Config{Model: "gpt-4o", MaxRetries: 2, Stream: true, Temperature: -0.5, Timeout: 30 * time.Second, Retry: RetryConfig{Max: 3}}',
      '\tif false {',
      '\t\treturn &Config{Model: "other"}',
      '\t}',
      '\treturn cfg',
      '}',
      'func defaultClientConfig() ClientConfig { return ClientConfig{Host: `localhost`, Port: (8080)} }',
      'func (c *Config) DefaultConfig() Config { return Config{Model: "method"} }',
      'func NewConfig() Config { return Config{Model: "not a defaults function"} }',
    ].join('\n');
    assert.deepEqual(parser().extract(src).configDefaults, [
      {
        func: 'DefaultConfig',
        type: 'Config',
        fields: [
          { name: 'Model', value: 'gpt-4o' },
          { name: 'MaxRetries', value: 2 },
          { name: 'Stream', value: true },
          { name: 'Temperature', value: -0.5 },
        ],
      },
      { func: 'DefaultConfig', type: 'RetryConfig', fields: [{ name: 'Max', value: 3 }] },
      { func: 'defaultClientConfig', type: 'ClientConfig', fields: [{ name: 'Host', value: 'localhost' }, { name: 'Port', value: 8080 }] },
    ]);
  });

  it('reads qualified and generic literal types by their bare name', () => {
    const src = 'package p\nfunc DefaultConfig() any { return pkg.Config[int]{Size: 4} }\n';
    assert.deepEqual(parser().extract(src).configDefaults, [{ func: 'DefaultConfig', type: 'Config', fields: [{ name: 'Size', value: 4 }] }]);
  });
});

describe('media and authentication literals', () => {
  it('lists image/, audio/ and video/ string literals, not comments or other types', () => {
    const src = [
      'package p',
      '// returns "image/gif" for GIFs',
      'var types = []string{"image/png", `audio/wav`, "video/mp4", "application/json", "text/image/x"}',
      'func f() string { return "audio/" + "mpeg" }',
    ].join('\n');
    assert.deepEqual(parser().extract(src).mimeLiterals, ['image/png', 'audio/wav', 'video/mp4', 'audio/']);
  });

  it('lists the string literals that name an authentication header', () => {
    const src = [
      'package p',
      'func f(req *http.Request, key string) {',
      '\treq.Header.Set("Authorization", "Bearer "+key)',
      '\treq.Header.Set("x-api-key", key)',
      '\treq.Header.Set("X-Auth-Token", key)',
      '\treq.Header.Set("xi-api-key", key)',
      '\treq.Header.Set("Content-Type", "application/json")',
      '\t_ = "authorization header missing"',
      '}',
    ].join('\n');
    assert.deepEqual(parser().extract(src).authHeaders, ['Authorization', 'x-api-key', 'X-Auth-Token', 'xi-api-key']);
  });
});
