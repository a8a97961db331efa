// Per-file facts: comments, URL literals, test functions and test shapes, and
// the extractor's robustness on broken, odd or huge input.
// Each test parses the Go snippet written in it and checks what that snippet
// shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Edit } from 'web-tree-sitter';
import { positionOf, useParser } from './facts-support';

const parser = useParser();

describe('comments', () => {
  it('finds ignore directives with their rule id, and TODO/FIXME/XXX placeholders as words', () => {
    const src = [
      'package p',
      '//gocomply:ignore otel/untraced-method generated client, traced by the caller',
      'func f() {',
      '\t// TODO(alice): stream the response',
      '\tx := "TODO in a string"',
      '\t/* FIXME: block comment */',
      '\t// todo lower case, XXXL sizes and TODOs do not count',
      '\t// XXX hack',
      '}',
      '//gocomply:ignore',
    ].join('\n');
    const comments = parser().extract(src).comments;
    assert.deepEqual(
      comments.map((c) => [c.kind, c.ruleId, c.text]),
      [
        ['ignore', 'otel/untraced-method', '//gocomply:ignore otel/untraced-method generated client, traced by the caller'],
        ['placeholder', undefined, '// TODO(alice): stream the response'],
        ['placeholder', undefined, '/* FIXME: block comment */'],
        ['placeholder', undefined, '// XXX hack'],
        ['ignore', undefined, '//gocomply:ignore'],
      ],
    );
    assert.deepEqual(comments[1]?.range.start, positionOf(src, '// TODO'));
  });
});

describe('URL literals', () => {
  it('lists http(s) string literals, with the constant each is the value of', () => {
    const src = [
      'package p',
      'const (',
      '\tDefaultBaseURL = "https://api.openai.com/v1"',
      '\tName, DocsURL = "x", `http://docs.example.com`',
      ')',
      '// see "https://in.a.comment"',
      'var endpoint = "https://api.example.com/" + path',
      'var notURL = "ftp://x"',
    ].join('\n');
    assert.deepEqual(parser().extract(src).urlLiterals, [
      { value: 'https://api.openai.com/v1', constName: 'DefaultBaseURL' },
      { value: 'http://docs.example.com', constName: 'DocsURL' },
      { value: 'https://api.example.com/' },
    ]);
  });
});

describe('tests', () => {
  it('recognises test, benchmark, fuzz and example functions by name and parameter type', () => {
    const src = [
      'package p_test',
      'func TestGenerate(t *testing.T) {}',
      'func Test(t *testing.T) {}',
      'func Testable(t *testing.T) {}',
      'func TestWrongParam(b *testing.B) {}',
      'func BenchmarkGenerate(b *testing.B) {}',
      'func FuzzParse(f *testing.F) {}',
      'func ExampleClient_Generate() {}',
      'func ExampleWithArg(x int) {}',
      'func (s *Suite) TestMethod(t *testing.T) {}',
    ].join('\n');
    const tests = parser().extract(src).tests;
    assert.deepEqual(
      tests.map((t) => [t.name, t.kind]),
      [
        ['TestGenerate', 'test'],
        ['Test', 'test'],
        ['BenchmarkGenerate', 'benchmark'],
        ['FuzzParse', 'fuzz'],
        ['ExampleClient_Generate', 'example'],
      ],
    );
    assert.deepEqual(tests[0]?.range.start, positionOf(src, 'func TestGenerate'));
  });

  it('finds a table-driven test over an inline slice of struct literal', () => {
    const src = [
      'package p',
      'func TestA(t *testing.T) {',
      '\tfor _, tc := range []struct{ in, want string }{{"a", "A"}} {',
      '\t\tt.Run(tc.in, func(t *testing.T) {})',
      '\t}',
      '}',
    ].join('\n');
    assert.equal(parser().extract(src).hasTableDrivenTest, true);
  });

  it('finds a table-driven test over a variable holding cases of a named struct type', () => {
    const src = [
      'package p',
      'type testCase struct{ name string }',
      'var cases = []testCase{{name: "a"}}',
      'func TestB(t *testing.T) {',
      '\ttests := map[string]struct{ n int }{"one": {1}}',
      '\tfor name := range tests {',
      '\t\tt.Run(name, func(t *testing.T) {})',
      '\t}',
      '}',
      'func TestC(t *testing.T) {',
      '\ttype local struct{ x int }',
      '\tlocals := []*local{{1}}',
      '\tfor _, c := range locals { t.Run("x", nil); _ = c }',
      '}',
    ].join('\n');
    assert.equal(parser().extract(src).hasTableDrivenTest, true);
    const onlyVar = src.replace(/func TestB[\s\S]*$/, 'func TestD(t *testing.T) {\n\tfor _, c := range cases { t.Run(c.name, nil) }\n}');
    assert.equal(parser().extract(onlyVar).hasTableDrivenTest, true);
  });

  it('does not call a range over plain values, or a loop without t.Run, table-driven', () => {
    const overInts = 'package p\nfunc TestE(t *testing.T) {\n\tfor _, n := range []int{1, 2} { t.Run("x", nil) }\n}';
    const noRun = 'package p\nfunc TestF(t *testing.T) {\n\tfor _, c := range []struct{ a int }{{1}} { t.Log(c) }\n}';
    const runOutside = 'package p\nfunc TestG(t *testing.T) {\n\tcases := []struct{ a int }{{1}}\n\tt.Run("all", func(t *testing.T) { _ = cases })\n}';
    assert.equal(parser().extract(overInts).hasTableDrivenTest, false);
    assert.equal(parser().extract(noRun).hasTableDrivenTest, false);
    assert.equal(parser().extract(runOutside).hasTableDrivenTest, false);
  });

  it('finds concurrency: go statements, sync.WaitGroup, errgroup, t.Parallel', () => {
    const withGo = 'package p\nfunc TestH(t *testing.T) { go func() {}() }';
    const withWaitGroup = 'package p\nfunc TestI(t *testing.T) { var wg sync.WaitGroup; wg.Wait() }';
    const withErrgroup = 'package p\nimport "golang.org/x/sync/errgroup"\nvar _ errgroup.Group';
    const withParallel = 'package p\nfunc TestJ(t *testing.T) { t.Parallel() }';
    const onlyMentioned = 'package p\n// sync.WaitGroup and go statements are mentioned here only\nvar s = "sync.WaitGroup"';
    for (const src of [withGo, withWaitGroup, withErrgroup, withParallel]) assert.equal(parser().extract(src).hasConcurrencyTest, true, src);
    assert.equal(parser().extract(onlyMentioned).hasConcurrencyTest, false);
  });
});

describe('robustness', () => {
  it('extracts an empty text', () => {
    const facts = parser().extract('');
    assert.equal(facts.packageName, undefined);
    assert.deepEqual(facts.funcs, []);
    assert.deepEqual(facts.syntaxErrors, { count: 0, first: [] });
    assert.equal(facts.lineCount, 0);
  });

  it('counts syntax errors and reports where the first five are', () => {
    const src = 'package p\nfunc f() {\n\tx := \n}\nfunc g( {\n';
    const facts = parser().extract(src);
    assert.ok(facts.syntaxErrors.count > 0);
    assert.ok(facts.syntaxErrors.first.length > 0 && facts.syntaxErrors.first.length <= 5);
    assert.equal(facts.packageName, 'p');
    assert.ok(facts.funcs.some((f) => f.name === 'f'), 'f still parses');
    const many = `package p\n${'func ( {\n'.repeat(12)}`;
    const manyFacts = parser().extract(many);
    assert.ok(manyFacts.syntaxErrors.count >= 5);
    assert.equal(manyFacts.syntaxErrors.first.length, 5);
  });

  it('survives NUL bytes, binary noise and lone surrogates', () => {
    const nul = parser().extract('package p\x00\x00\nfunc f() { g() }\n');
    assert.equal(nul.packageName, 'p');
    assert.ok(nul.syntaxErrors.count > 0);
    assert.deepEqual(nul.funcs.map((f) => f.calls.map((c) => c.name)), [['g']]);
    const binary = parser().extract(String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
    assert.ok(binary.syntaxErrors.count > 0);
    const surrogates = parser().extract('package p\nvar s = "\uD800\uDFFF\uDC00"\nfunc \uD83D() {}\nconst u = "https://\uDBFF"\n');
    assert.equal(surrogates.packageName, 'p');
    assert.equal(surrogates.urlLiterals[0]?.constName, 'u');
  });

  it('extracts a 5 MB generated file without throwing', () => {
    const chunk = (i: number): string =>
      `func (s *Service) Method${i}(ctx context.Context) error {\n` +
      `\tctx, span := s.tracer.Start(ctx, "m${i}")\n\tdefer span.End()\n` +
      `\tslog.Info("call", "n", ${i})\n\treturn helper${i}(ctx, "${'x'.repeat(40)}")\n}\n\n`;
    const parts = ['package big\n\nimport "log/slog"\n\n'];
    let size = parts[0]?.length ?? 0;
    let count = 0;
    while (size < 5 * 1024 * 1024) {
      const next = chunk(count);
      parts.push(next);
      size += next.length;
      count += 1;
    }
    const facts = parser().extract(parts.join(''));
    assert.equal(facts.funcs.length, count);
    assert.equal(facts.syntaxErrors.count, 0);
    assert.equal(facts.funcs[count - 1]?.spanStarts[0]?.ended, true);
    assert.equal(facts.funcs[count - 1]?.logCalls[0]?.contextName, 'ctx');
  });

  it('gives equal facts when one parser extracts the same text twice, and after other files', () => {
    const src = [
      'package p',
      'import "log/slog"',
      'const Name = "a.b"',
      'func (s *S) Run(ctx context.Context) error {',
      '\tctx, span := s.tracer.Start(ctx, "x")',
      '\tslog.Info("run") // TODO: context',
      '\treturn s.meter.Int64Counter(Name)',
      '}',
    ].join('\n');
    const first = parser().extract(src);
    parser().extract('package other\nfunc g() { h() }\n');
    assert.deepEqual(parser().extract(src), first);
    assert.deepEqual(JSON.parse(JSON.stringify(first)), first, 'facts are plain JSON data');
  });

  it('extracts from a tree the caller owns, including after an incremental re-parse', () => {
    const src = 'package p\nfunc f() { a() }\n';
    const tree = parser().parseTree(src);
    const inserted = '; b()';
    const at = src.indexOf('a()') + 'a()'.length;
    const edited = src.slice(0, at) + inserted + src.slice(at);
    const column = at - (src.indexOf('\n') + 1);
    tree.edit(
      new Edit({
      startIndex: at,
      oldEndIndex: at,
      newEndIndex: at + inserted.length,
      startPosition: { row: 1, column },
      oldEndPosition: { row: 1, column },
        newEndPosition: { row: 1, column: column + inserted.length },
      }),
    );
    const next = parser().parseTree(edited, tree);
    try {
      assert.deepEqual(parser().extractFromTree(next, edited), parser().extract(edited));
      assert.deepEqual(parser().extractFromTree(next, edited).funcs[0]?.calls.map((c) => c.name), ['a', 'b']);
    } finally {
      tree.delete();
      next.delete();
    }
  });
});

describe('package-level vars', () => {
  const parse = useParser();
  it('gives one fact per name, with the declared type when written, and skips locals', () => {
    const facts = parse().extract('package x\n\nvar (\n\tA, B int\n\tc = 3\n)\n\nvar D error\n\nfunc f() { var local int; _ = local }\n');
    assert.deepEqual(
      facts.vars.map((v) => [v.name, v.type ?? null, v.range.start.line]),
      [['A', 'int', 3], ['B', 'int', 3], ['c', null, 4], ['D', 'error', 7]],
    );
  });
});
