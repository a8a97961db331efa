import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, isGlob, matchesGlob } from '../../server/src/engine/util/glob';

function assertMatches(pattern: string, matching: string[], notMatching: string[]): void {
  for (const path of matching) assert.ok(matchesGlob(pattern, path), `${pattern} should match ${path}`);
  for (const path of notMatching) assert.ok(!matchesGlob(pattern, path), `${pattern} should not match ${path}`);
}

describe('matchesGlob', () => {
  it('matches literal paths exactly', () => {
    assertMatches('pkg/llms/config.go', ['pkg/llms/config.go'], ['pkg/llms/config.gox', 'x/pkg/llms/config.go']);
  });

  it('treats * as any run within one segment', () => {
    assertMatches('.cache/coverage*.out', ['.cache/coverage.out', '.cache/coverage-llms.out'], [
      '.cache/sub/coverage.out',
      '.cache/coverage/x.out',
      'a/.cache/coverage.out',
    ]);
    assertMatches('pkg/*/config.go', ['pkg/llms/config.go'], ['pkg/config.go', 'pkg/voice/stt/config.go']);
  });

  it('treats ? as one character other than /', () => {
    assertMatches('pkg/v?/x.go', ['pkg/v1/x.go', 'pkg/v2/x.go'], ['pkg/v/x.go', 'pkg/v10/x.go', 'pkg/v//x.go']);
  });

  it('treats ** as any number of segments, none included', () => {
    assertMatches('a/**/b', ['a/b', 'a/x/b', 'a/x/y/z/b'], ['a/xb', 'ab', 'x/a/b', 'a/b/c']);
    assertMatches('**/testdata/**', ['testdata', 'testdata/x.go', 'pkg/llms/testdata/in/x.json'], [
      'pkg/mytestdata/x.go',
    ]);
    assertMatches('pkg/**', ['pkg', 'pkg/x.go', 'pkg/a/b/c.go'], ['pkgx/a.go', 'other/pkg/a.go']);
    assertMatches('**', ['x.go', 'a/b/c.go'], []);
  });

  it('treats ** inside a segment as *', () => {
    assertMatches('pkg/a**b.go', ['pkg/ab.go', 'pkg/axyzb.go'], ['pkg/a/b.go']);
  });

  it('matches the basename at any depth when the pattern has no slash', () => {
    assertMatches('*_gen.go', ['y_gen.go', 'pkg/x/y_gen.go'], ['pkg/x/y_gen.go.txt', 'pkg/x_gen.go/y.go']);
    assertMatches('coverage.out', ['coverage.out', 'mod/coverage.out'], ['coverage.outx', 'mycoverage.out']);
  });

  it('anchors patterns that contain a slash', () => {
    assertMatches('llms/*.go', ['llms/a.go'], ['pkg/llms/a.go']);
  });

  it('ignores a leading ./ in the pattern and in the path', () => {
    assertMatches('./pkg/*.go', ['pkg/a.go', './pkg/a.go'], ['x/pkg/a.go']);
    assertMatches('./bench.txt', ['bench.txt', 'sub/bench.txt'], []);
  });

  it('anchors a pattern with a leading / to the root', () => {
    assertMatches('/bench.txt', ['bench.txt'], ['sub/bench.txt']);
  });

  it('matches a folder and all below it for a trailing /', () => {
    assertMatches('vendor/', ['vendor', 'vendor/a.go', 'x/vendor/a/b.go'], ['vendorx/a.go']);
  });

  it('supports {a,b} alternatives, nested and with glob syntax inside', () => {
    assertMatches('{coverage,cover}.out', ['coverage.out', 'cover.out', 'a/cover.out'], ['covers.out', '.out']);
    assertMatches('pkg/{llms,voice/{stt,tts}}/*.go', ['pkg/llms/a.go', 'pkg/voice/stt/a.go', 'pkg/voice/tts/a.go'], [
      'pkg/voice/a.go',
      'pkg/voice/x/a.go',
    ]);
    assertMatches('{cmd,internal}/**', ['cmd/x/main.go', 'internal/a.go'], ['pkg/cmd/x.go']);
    assertMatches('*.{go,mod}', ['a.go', 'x/go.mod'], ['a.sum']);
  });

  it('supports character classes, ranges and negation, never matching /', () => {
    assertMatches('v[12].go', ['v1.go', 'v2.go'], ['v3.go', 'v12.go']);
    assertMatches('v[0-9].go', ['v0.go', 'v9.go'], ['va.go']);
    assertMatches('v[!0-9].go', ['va.go'], ['v1.go']);
    assertMatches('v[^0-9].go', ['va.go'], ['v1.go']);
    assertMatches('a[!x]b', ['azb'], ['a/b']);
    assertMatches('a[-/]b', ['a-b'], ['a/b']);
    assertMatches('[]x].go', ['].go', 'x.go'], ['y.go']);
  });

  it('takes unclosed brackets and braces literally', () => {
    assertMatches('a[b.go', ['a[b.go'], ['ab.go']);
    assertMatches('a{b.go', ['a{b.go'], ['ab.go']);
  });

  it('escapes regex special characters', () => {
    assertMatches('a.go', ['a.go'], ['abgo']);
    assertMatches('a+(b)|c$^.go', ['a+(b)|c$^.go'], ['aa(b)|c$^.go', 'c$^.go']);
  });

  it('takes a backslash-escaped character literally', () => {
    assertMatches('a\\*.go', ['a*.go'], ['ab.go']);
  });
});

describe('globToRegExp', () => {
  it('returns a regex anchored at both ends', () => {
    const regex = globToRegExp('pkg/*.go');
    assert.ok(regex.test('pkg/a.go'));
    assert.ok(!regex.test('pkg/a.go.bak'));
    assert.ok(!regex.test('x/pkg/a.go'));
  });
});

describe('isGlob', () => {
  it('detects unescaped glob syntax', () => {
    for (const pattern of ['*.go', 'a?', '[ab]', '{a,b}', 'a/**/b']) assert.equal(isGlob(pattern), true, pattern);
    for (const pattern of ['bench.txt', '.cache/coverage.out', 'a\\*.go', '']) assert.equal(isGlob(pattern), false, pattern);
  });
});
