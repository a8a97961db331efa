// Workspace and packages (spec §1): modules, go.work, package roots, nested
// framework packages, skipped folders, production files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import type { Report } from '../../common/schemas/report';
import {
  auditFixture,
  auditValid,
  copyFixture,
  findMetric,
  findPackage,
  packageNames,
  tracedHowByLocation,
  tracedHowByMethod,
  writeFile,
  type FixtureCopy,
} from './helpers/fixtures';

describe('no pkg/ root (no-pkg-root)', () => {
  let report: Report;
  before(async () => {
    report = await auditFixture('no-pkg-root');
  });

  it('uses the top-level folders with Go code, minus cmd, internal, examples, test, testdata, vendor', () => {
    assert.deepEqual(packageNames(report), ['agents', 'tools']);
    assert.equal(findPackage(report, 'agents').path, 'agents');
    assert.equal(findPackage(report, 'tools').path, 'tools'); // its Go code is in tools/calculator
  });

  it('reads the module path from go.mod', () => {
    assert.deepEqual(
      report.modules.map((m) => m.modulePath),
      ['example.com/nopkgroot'],
    );
  });
});

describe('go.work with two modules (go-work)', () => {
  let report: Report;
  before(async () => {
    report = await auditFixture('go-work');
  });

  it('lists both modules with their module paths', () => {
    const modules = [...report.modules].sort((a, b) => a.path.localeCompare(b.path));
    assert.deepEqual(modules, [
      { path: 'a', modulePath: 'example.com/a' },
      { path: 'b', modulePath: 'example.com/b' },
    ]);
  });

  it('finds each module’s pkg/ packages', () => {
    assert.deepEqual(packageNames(report), ['alpha', 'beta']);
    assert.equal(findPackage(report, 'alpha').path, 'a/pkg/alpha');
    assert.equal(findPackage(report, 'beta').path, 'b/pkg/beta');
  });

  it('infers span starters across modules: beta is traced through alpha.StartSpan', () => {
    assert.ok(report.spanStarters.includes('StartSpan'));
    assert.deepEqual(tracedHowByMethod(findPackage(report, 'beta')), { 'Pipeline.Run': 'starter' });
    // StartSpan returns a context: it hands a span on and is not counted.
    assert.deepEqual(tracedHowByMethod(findPackage(report, 'alpha')), { Normalize: 'starter' });
  });
});

describe('skipped folders and symlinks (skip-rules)', () => {
  let copy: FixtureCopy;
  let report: Report;
  before(async () => {
    copy = copyFixture('skip-rules');
    // node_modules is git-ignored and symlinks are not committed: made here.
    const untraced = (pkg: string): string =>
      `package ${pkg}\n\nimport "context"\n\n// Thing is skipped.\ntype Thing struct{}\n\n// Run is not traced.\nfunc (t *Thing) Run(ctx context.Context) error { return ctx.Err() }\n`;
    writeFile(copy.root, 'pkg/node_modules/leftpad/pad.go', untraced('leftpad'));
    writeFile(copy.root, 'pkg/app/node_modules/tool/tool.go', untraced('tool'));
    fs.symlinkSync(path.join('..', 'outside'), path.join(copy.root, 'pkg', 'linked'), 'dir');
    fs.symlinkSync(path.join('..', '..', 'outside', 'extra.go'), path.join(copy.root, 'pkg', 'app', 'extra.go'), 'file');
    report = await auditValid(copy.root);
  });
  after(() => copy.remove());

  it('has app as its only package: no vendor, hidden, node_modules or symlinked package', () => {
    assert.deepEqual(packageNames(report), ['app']);
  });

  it('counts only app.go: vendored, hidden, node_modules and symlinked methods are not seen', () => {
    // Call uses the vendored otelx.StartTrace; vendor/ is skipped, so that name
    // has no definition, is no starter, and Call is untraced.
    assert.deepEqual(tracedHowByMethod(findPackage(report, 'app')), { 'Service.Do': 'direct', 'Service.Call': 'none' });
    assert.ok(!report.spanStarters.includes('StartTrace'));
  });
});

describe('generated, test and testdata files (generated-files)', () => {
  let api: PackageCompliance;
  before(async () => {
    api = findPackage(await auditFixture('generated-files'), 'api');
  });

  it('counts hand-written code only, including a file that quotes the marker after its package clause', () => {
    assert.deepEqual(tracedHowByLocation(api), {
      'pkg/api/api.go Client.Call': 'direct',
      'pkg/api/handler.go Handler.Handle': 'none',
    });
    // scope `all` adds NewClient and NewHandler; DeepCopy, Echo and
    // RegisterEchoServer are generated, NewTestClient is in a test file.
    assert.equal(api.observability.tracingIntegration.allPublicMethods, 4);
  });

  it('reports nothing on generated, test or testdata files', () => {
    const skipped = ['pkg/api/api.pb.go', 'pkg/api/zz_generated.deepcopy.go', 'pkg/api/api_test.go', 'pkg/api/testdata/golden.go'];
    assert.deepEqual(
      api.diagnostics.filter((d) => skipped.includes(d.file)),
      [],
    );
  });
});

describe('nested framework packages (nested-packages)', () => {
  let report: Report;
  let voice: PackageCompliance;
  before(async () => {
    report = await auditFixture('nested-packages');
    voice = findPackage(report, 'voice');
  });

  it('makes voice/stt and voice/tts packages, named by their path below the root, and not voice/providers', () => {
    assert.deepEqual(packageNames(report), ['voice', 'voice/stt', 'voice/tts']);
    assert.equal(findPackage(report, 'voice/stt').path, 'pkg/voice/stt');
    assert.equal(findPackage(report, 'voice/tts').path, 'pkg/voice/tts');
  });

  it('does not count stt and tts files for voice, but does count voice/providers', () => {
    assert.deepEqual(tracedHowByLocation(voice), {
      'pkg/voice/voice.go Session.Open': 'direct',
      'pkg/voice/voice.go Session.Close': 'none',
      'pkg/voice/providers/livekit/livekit.go Transport.Connect': 'none',
    });
    assert.equal(voice.packageStructure.hasMetrics, false); // only stt has metrics.go
    assert.deepEqual(voice.observability.metricsIntegration.metricDefinitions, []);
    assert.equal(voice.packageStructure.requiredFiles.hasFactory, false); // only tts has registry.go
  });

  it('gives voice ProviderSupport for its providers/ but no ProviderExtension: voice has no provider type', () => {
    assert.equal(voice.packageStructure.multiProvider, true);
    assert.notEqual(voice.providerSupport, null);
    assert.deepEqual(voice.providers, []);
  });

  it('audits the nested packages on their own files', () => {
    const stt = findPackage(report, 'voice/stt');
    assert.equal(stt.packageStructure.hasConfig, true);
    assert.equal(stt.packageStructure.hasMetrics, true);
    assert.equal(findMetric(stt, 'stt.transcriptions').file, 'pkg/voice/stt/metrics.go');
    assert.deepEqual(tracedHowByMethod(stt), { 'Recognizer.Transcribe': 'direct' });
    const tts = findPackage(report, 'voice/tts');
    assert.equal(tts.packageStructure.requiredFiles.hasFactory, true);
  });
});
