// The required-file templates and the fix planner, without a server: every Go
// template is gofmt-clean and parses for several package names; the ones that
// need no third-party module compile and their tests pass under `go test`;
// the planner picks the package clause's name, the module's import path, the
// package's metric prefix, and refuses a file whose declarations would clash.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planFileCreations, type PackageFixContext } from '../../server/src/engine/fixes/missingFile';
import { renderTemplate, TEMPLATE_FILES, type TemplateInput } from '../../server/src/engine/fixes/templates';
import { localDoubleNames, mockNames } from '../../server/src/engine/fixes/testTemplates';
import type { FileFacts } from '../../server/src/engine/facts/types';
import type { PackageModel } from '../../server/src/engine/model/package';
import { GoParser } from '../../server/src/engine/parser';
import { copyFixture, engineReport, gofmtAvailable, gofmtUnformatted, removeWorkspace } from './helpers/workspace';

const goAvailable = spawnSync('go', ['version'], { stdio: 'ignore' }).error === undefined;
/** The race detector needs cgo and a C compiler. */
const raceAvailable =
  goAvailable && spawnSync('go', ['env', 'CGO_ENABLED'], { encoding: 'utf8' }).stdout.trim() === '1' && spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
const PACKAGE_NAMES = ['search', 'vectorstores', 'stt', 'agent_tools'];

function input(goPackage: string, declareDouble: boolean): TemplateInput {
  const names = declareDouble ? localDoubleNames(goPackage) : mockNames(goPackage);
  return { goPackage, importPath: `example.com/fw/pkg/${goPackage}`, metricPrefix: goPackage, testDouble: { ...names, declare: declareDouble } };
}

/** Writes the Go templates for `goPackage` into a fresh module folder. */
function writeModule(dir: string, goPackage: string, declareDouble: boolean, files: readonly string[]): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'go.mod'), `module example.com/fw/pkg/${goPackage}\n\ngo 1.19\n`);
  for (const file of TEMPLATE_FILES) {
    if (file.endsWith('.go') && files.includes(file)) fs.writeFileSync(path.join(dir, file), renderTemplate(file, input(goPackage, declareDouble)).content);
  }
}

describe('the Go templates', { timeout: 120_000 }, () => {
  let scratch: string;
  let parser: GoParser;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-templates-'));
    parser = await GoParser.create();
  });

  after(() => {
    parser.dispose();
    removeWorkspace(scratch);
  });

  for (const goPackage of PACKAGE_NAMES) {
    it(`are gofmt-clean, parse, and carry no placeholder for package ${goPackage}`, (t) => {
      for (const file of TEMPLATE_FILES.filter((f) => f.endsWith('.go'))) {
        const content = renderTemplate(file, input(goPackage, false)).content;
        const facts = parser.extract(content);
        assert.equal(facts.syntaxErrors.count, 0, `${file} parses`);
        assert.equal(facts.packageName, goPackage);
        assert.deepEqual(facts.comments.filter((c) => c.kind === 'placeholder'), [], `${file} has no TODO`);
      }
      if (!gofmtAvailable) return t.diagnostic('gofmt is not installed: the gofmt check is skipped');
      const dir = path.join(scratch, `fmt-${goPackage}`);
      writeModule(dir, goPackage, false, TEMPLATE_FILES);
      writeModule(path.join(dir, 'local'), goPackage, true, ['advanced_test.go']);
      assert.equal(gofmtUnformatted([dir]), '');
    });
  }

  // metrics.go needs go.opentelemetry.io/otel, which an offline `go` cannot fetch; the rest needs only the standard library.
  for (const declareDouble of [false, true]) {
    it(`compile and pass go vet and go test (${declareDouble ? 'advanced_test.go declaring its own double' : 'with the mock of test_utils.go'})`, (t) => {
      if (!goAvailable) return t.diagnostic('go is not installed: the compile check is skipped');
      const dir = path.join(scratch, `go-${declareDouble ? 'local' : 'mock'}`);
      const files = ['config.go', 'errors.go', 'advanced_test.go', ...(declareDouble ? [] : ['test_utils.go'])];
      writeModule(dir, 'search', declareDouble, files);
      const env = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off' };
      const race = raceAvailable ? ['-race'] : [];
      for (const args of [['vet', './...'], ['test', ...race, '-count=1', '-bench=.', '-benchtime=10x', './...']]) {
        const run = spawnSync('go', args, { cwd: dir, env, encoding: 'utf8' });
        assert.equal(run.status, 0, `go ${args.join(' ')}:\n${run.stdout}\n${run.stderr}`);
      }
    });
  }
});

describe('planning file creations', { timeout: 60_000 }, () => {
  let root: string;
  let parser: GoParser;
  let search: PackageModel;

  before(async () => {
    root = copyFixture('structure-missing');
    parser = await GoParser.create();
    const report = await engineReport(root);
    const found = report.packages.find((p) => p.packageName === 'search');
    assert.ok(found);
    const { diagnostics: _diagnostics, ...model } = found;
    search = model;
  });

  after(() => {
    parser.dispose();
    removeWorkspace(root);
  });

  function context(files: Record<string, string>): PackageFixContext {
    const facts = new Map<string, FileFacts>(Object.entries(files).map(([file, text]) => [file, parser.extract(text)]));
    return {
      model: search,
      folderGoFiles: [...facts.keys()],
      factsOf: (file) => facts.get(file),
      module: { dir: '', modulePath: 'example.com/structuremissing' },
      metricNamePattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$',
    };
  }

  it('uses the package clause, not the folder, and the import path of the module', () => {
    const [metrics] = planFileCreations(context({ 'pkg/search/search.go': 'package finder\n' }), ['metrics.go']);
    assert.equal(metrics?.file, 'pkg/search/metrics.go');
    assert.match(metrics?.content ?? '', /^package finder\n/);
    assert.ok(metrics?.content.includes('otel.Meter("example.com/structuremissing/pkg/search")'));
    assert.ok(metrics?.content.includes('"finder.operations"'));
  });

  it('refuses a file whose declarations clash with the package, and a test then declares its own double', () => {
    const ctx = context({ 'pkg/search/search.go': 'package search\n\ntype MockSearch struct{}\n\nvar DefaultConfig = 1\n' });
    const plans = planFileCreations(ctx, ['advanced_test.go', 'test_utils.go', 'config.go', 'errors.go']);
    assert.deepEqual(plans.map((p) => p.fileName), ['errors.go', 'advanced_test.go']);
    assert.ok(plans[1]?.content.includes('type fakeSearch struct'));
  });

  it('leaves metrics.go out when its names would break metrics.namePattern', () => {
    const ctx = { ...context({ 'pkg/search/search.go': 'package search\n' }), metricNamePattern: '^[a-z]+_[a-z]+$' };
    assert.deepEqual(planFileCreations(ctx, ['metrics.go']), []);
  });
});
