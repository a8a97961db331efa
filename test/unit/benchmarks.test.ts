import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { overheadPercentage, parseBenchmarkOutput, stripProcsSuffix } from '../../server/src/engine/model/benchmarks';

const LLMS = 'example.com/fw/pkg/llms';
const VOICE = 'example.com/fw/pkg/voice';

function resultsOf(text: string, pkg: string): Record<string, number> {
  return Object.fromEntries(parseBenchmarkOutput(text).get(pkg) ?? []);
}

describe('parseBenchmarkOutput', () => {
  it('reads ns/op per benchmark under the pkg: line, without the -N suffix', () => {
    const text = [
      'goos: linux',
      'goarch: amd64',
      `pkg: ${LLMS}`,
      'cpu: AMD EPYC 7B13',
      'BenchmarkGenerate-8   \t 1000000\t      1052 ns/op\t     128 B/op\t       2 allocs/op',
      'BenchmarkStream-8     \t  500000\t    2210.5 ns/op',
      'PASS',
      `ok  \t${LLMS}\t1.2s`,
    ].join('\n');
    const output = parseBenchmarkOutput(text);
    assert.deepEqual([...output.keys()], [LLMS]);
    assert.deepEqual(resultsOf(text, LLMS), { BenchmarkGenerate: 1052, BenchmarkStream: 2210.5 });
  });

  it('keeps the mean of a benchmark run several times (-count=3)', () => {
    const text = [
      `pkg: ${LLMS}`,
      'BenchmarkGenerate-8   \t 1000000\t      1000 ns/op',
      'BenchmarkGenerate-8   \t 1000000\t      1100 ns/op',
      'BenchmarkGenerate-8   \t 1000000\t      1300 ns/op',
    ].join('\n');
    // (1000 + 1100 + 1300) / 3 = 1133.33…
    const mean = resultsOf(text, LLMS)['BenchmarkGenerate'];
    assert.ok(mean !== undefined && Math.abs(mean - 3400 / 3) < 1e-9);
  });

  it('keeps sub-benchmarks by their full name', () => {
    const text = [
      `pkg: ${LLMS}`,
      'BenchmarkX/case_1-8   \t 2000\t 500 ns/op',
      'BenchmarkX/case_2-16  \t 1000\t 900 ns/op',
      'BenchmarkX/size-1024-4\t 100\t 7000 ns/op',
    ].join('\n');
    assert.deepEqual(resultsOf(text, LLMS), {
      'BenchmarkX/case_1': 500,
      'BenchmarkX/case_2': 900,
      'BenchmarkX/size-1024': 7000,
    });
  });

  it('attributes benchmarks to the latest pkg: line across several sections', () => {
    const text = [
      'goos: linux',
      `pkg: ${LLMS}`,
      'BenchmarkGenerate-8 \t 10\t 100 ns/op',
      'PASS',
      `ok  \t${LLMS}\t1.0s`,
      'goos: linux',
      `pkg: ${VOICE}`,
      'BenchmarkGenerate-8 \t 10\t 300 ns/op',
      'BenchmarkSpeak-8 \t 10\t 50 ns/op',
      `ok  \t${VOICE}\t1.0s`,
    ].join('\n');
    const output = parseBenchmarkOutput(text);
    assert.deepEqual([...output.keys()], [LLMS, VOICE]);
    assert.deepEqual(resultsOf(text, LLMS), { BenchmarkGenerate: 100 });
    assert.deepEqual(resultsOf(text, VOICE), { BenchmarkGenerate: 300, BenchmarkSpeak: 50 });
  });

  it("uses '' as the package when there is no pkg: line", () => {
    const output = parseBenchmarkOutput('BenchmarkA-2 \t 10\t 42 ns/op\n');
    assert.deepEqual([...output.keys()], ['']);
    assert.deepEqual(resultsOf('BenchmarkA-2 \t 10\t 42 ns/op\n', ''), { BenchmarkA: 42 });
  });

  it('tolerates CRLF and ignores unparsable lines', () => {
    const text = [
      `pkg: ${LLMS}`,
      'BenchmarkA',
      '--- BENCH: BenchmarkA-8',
      '    bench_test.go:12: warming up',
      'BenchmarkBroken-8 \t --- FAIL',
      'BenchmarkNoUnit-8 \t 10\t 42 B/op',
      'random noise 10 20 ns/op',
      'BenchmarkA-8 \t 10\t 42 ns/op',
      'FAIL',
    ].join('\r\n');
    assert.deepEqual(resultsOf(text, LLMS), { BenchmarkA: 42 });
  });

  it('joins a measurement printed on its own line after benchmark output', () => {
    const text = [`pkg: ${LLMS}`, 'BenchmarkChatty-8   \tsome log output', '  1000\t      250 ns/op'].join('\n');
    assert.deepEqual(resultsOf(text, LLMS), { BenchmarkChatty: 250 });
  });

  it('never throws and returns an empty map for empty input', () => {
    assert.equal(parseBenchmarkOutput('').size, 0);
    assert.equal(parseBenchmarkOutput('\u0000pkg:\nBenchmark-\t\t').size, 0);
  });
});

describe('stripProcsSuffix', () => {
  it('removes only the final -N', () => {
    assert.equal(stripProcsSuffix('BenchmarkGenerate-8'), 'BenchmarkGenerate');
    assert.equal(stripProcsSuffix('BenchmarkX/size-1024-16'), 'BenchmarkX/size-1024');
    assert.equal(stripProcsSuffix('BenchmarkGenerate'), 'BenchmarkGenerate');
  });
});

describe('overheadPercentage', () => {
  it('computes (X - baseline) / baseline * 100 for a pair', () => {
    // (1050 - 1000) / 1000 * 100 = 5
    assert.equal(overheadPercentage({ BenchmarkGenerate: 1050, BenchmarkGenerateBaseline: 1000 }, ['Baseline']), 5);
  });

  it('returns the worst pair, rounded to one decimal', () => {
    const results = new Map([
      ['BenchmarkGenerate', 1020], // +2 %
      ['BenchmarkGenerateBaseline', 1000],
      ['BenchmarkStream', 400], // (400 - 300) / 300 = 33.33… %
      ['BenchmarkStreamBaseline', 300],
      ['BenchmarkUnpaired', 99999],
    ]);
    assert.equal(overheadPercentage(results, ['Baseline']), 33.3);
  });

  it('uses custom suffixes', () => {
    const results = { BenchmarkEmbed: 110, BenchmarkEmbedNoOtel: 100, BenchmarkSearch: 240, BenchmarkSearchRaw: 200 };
    // Embed: +10 %, Search: +20 %.
    assert.equal(overheadPercentage(results, ['NoOtel', 'Raw']), 20);
    assert.equal(overheadPercentage(results, ['NoOtel']), 10);
    assert.equal(overheadPercentage(results, ['Baseline']), null);
  });

  it('pairs sub-benchmarks with the suffix on the whole name or on the top-level name', () => {
    // case_1: (130 - 100) / 100 = 30 %; case_2: (210 - 200) / 200 = 5 %.
    const results = {
      'BenchmarkX/case_1': 130,
      'BenchmarkXBaseline/case_1': 100,
      'BenchmarkX/case_2': 210,
      'BenchmarkX/case_2Baseline': 200,
    };
    assert.equal(overheadPercentage(results, ['Baseline']), 30);
  });

  it('can be negative when every instrumented benchmark is faster', () => {
    // (90 - 100) / 100 = -10 %
    assert.equal(overheadPercentage({ BenchmarkA: 90, BenchmarkABaseline: 100 }, ['Baseline']), -10);
  });

  it('is null without pairs, without suffixes, or with a zero baseline', () => {
    assert.equal(overheadPercentage({ BenchmarkA: 10, BenchmarkB: 20 }, ['Baseline']), null);
    assert.equal(overheadPercentage({}, ['Baseline']), null);
    assert.equal(overheadPercentage({ BenchmarkA: 10 }, ['']), null);
    assert.equal(overheadPercentage({ BenchmarkA: 10, BenchmarkABaseline: 0 }, ['Baseline']), null);
  });
});
