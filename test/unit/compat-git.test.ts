// Backward compatibility against a git baseline, end to end: a repository built
// here (commit, then edit the work tree without committing), the workspace a
// subfolder of its top level, every kind of change classified, and the
// repository left byte-identical.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeCompat, type CompatResult, type PackageApiChange, type PackageCompat } from '../../server/src/engine/compat/index';
import { assertDefined, currentPackages, GitFixture } from './helpers/compatRepo';
import { positionOf, useParser } from './facts-support';

const parser = useParser();

const LLMS_BEFORE = `package llms

import (
\t"context"
\t"errors"
)

type Model interface {
\tGenerate(ctx context.Context, prompt string) (string, error)
}

type Client struct {
\tName    string
\tTimeout int
\tRetries int
}

type Options struct {
\tVerbose bool
}

const DefaultName = "default"

var ErrClosed = errors.New("closed")

func NewClient(name string) *Client { return &Client{Name: name} }

func (c *Client) Close() error { return nil }

func (c *Client) Ping(ctx context.Context) error { return nil }

func Remove(x int) {}

func Params(a, b int) {}

func Results() error { return nil }
`;

const LLMS_AFTER = `package llms

import (
\t"context"
\t"time"
)

type Model interface {
\tGenerate(ctx context.Context, prompt string) (string, error)
\tStream(ctx context.Context, msgs []Message) error
}

type Message struct{ Text string }

type Client struct {
\tName    string
\tTimeout time.Duration
\tRegion  string
}

type Options interface {
\tApply(c *Client)
}

func NewClient(n string) *Client { return &Client{Name: n} }

func (c *Client) Shutdown() error { return nil }

func (c Client) Ping(ctx context.Context) error { return nil }

func (c *Client) Stats() int { return 0 }

func Params(a int, b string) {}

func Results() (int, error) { return 0, nil }

func NewThing() {}
`;

const WS = 'ws';
const LLMS = 'pkg/llms';

describe('computeCompat on a git repository (workspace below the top level)', () => {
  let repo: GitFixture;
  let result: CompatResult;
  let llms: PackageCompat;
  let snapshotBefore: string;

  before(async () => {
    repo = GitFixture.create();
    repo.write({
      'README.md': 'top level\n',
      [`${WS}/go.mod`]: 'module example.com/ws\n\ngo 1.22\n',
      [`${WS}/${LLMS}/llms.go`]: LLMS_BEFORE,
      [`${WS}/${LLMS}/llms_test.go`]: 'package llms\n\nfunc HelperForTests(a int) {}\n',
      [`${WS}/${LLMS}/iface/provider.go`]: 'package iface\n\ntype Provider interface {\n\tName() string\n\tClose() error\n}\n',
      [`${WS}/${LLMS}/internal/x/x.go`]: 'package x\n\nfunc Internal() {}\n',
    });
    repo.commit('baseline');
    repo.write({
      [`${WS}/${LLMS}/llms.go`]: LLMS_AFTER,
      [`${WS}/${LLMS}/llms_test.go`]: 'package llms\n\nfunc HelperForTests(a string) {}\n',
      [`${WS}/${LLMS}/iface/provider.go`]: 'package iface\n\ntype Provider interface {\n\tName() string\n}\n',
      [`${WS}/${LLMS}/internal/x/x.go`]: 'package x\n\nfunc Renamed() {}\n',
    });
    snapshotBefore = repo.snapshot();
    const root = `${repo.top}/${WS}`;
    result = await computeCompat({ root, trusted: true, packages: currentPackages(root, [LLMS], parser()), parser: parser() });
    llms = assertDefined(result.perPackage.get(LLMS), 'pkg/llms result');
  });
  after(() => repo.dispose());

  const change = (name: string, dir = LLMS): PackageApiChange =>
    assertDefined(llms.changes.find((c) => c.name === name && c.dir === dir), `change ${name}`);

  it('compares with main (no origin/main) and gives no notice', () => {
    assert.equal(result.notice, undefined);
    assert.equal(result.baseline?.ref, 'main');
  });

  it('classifies every breaking change', () => {
    const expected: [string, PackageApiChange['kind']][] = [
      ['Remove', 'removed'],
      ['Client.Close', 'removed'],
      ['Client.Retries', 'removed'],
      ['DefaultName', 'removed'],
      ['ErrClosed', 'removed'],
      ['Params', 'signature-changed'],
      ['Results', 'signature-changed'],
      ['Model.Stream', 'interface-method-added'],
      ['Client.Timeout', 'field-type-changed'],
      ['Options', 'kind-changed'],
    ];
    for (const [name, kind] of expected) {
      assert.equal(change(name).kind, kind, name);
      assert.equal(change(name).breaking, true, name);
    }
    assert.deepEqual([change('Params').before, change('Params').after], ['(int, int)', '(int, string)']);
    assert.deepEqual([change('Results').before, change('Results').after], ['() error', '() (int, error)']);
    assert.deepEqual([change('Client.Timeout').before, change('Client.Timeout').after], ['int', 'time.Duration']);
  });

  it('reports a renamed method as removed, hinting at the same-signature addition', () => {
    assert.equal(change('Client.Close').renamedTo, 'Client.Shutdown');
    assert.match(change('Client.Close').message, /llms\.Client\.Close\(\) error was removed, apparently renamed to llms\.Client\.Shutdown/);
  });

  it('classifies additions as compatible', () => {
    for (const name of ['NewThing', 'Message', 'Client.Region', 'Client.Shutdown', 'Client.Stats']) {
      assert.equal(change(name).kind, 'added', name);
      assert.equal(change(name).breaking, false, name);
    }
  });

  it('ignores parameter renames, receiver pointer-ness, test files and internal/', () => {
    const names = llms.changes.map((c) => c.name);
    for (const name of ['NewClient', 'Client.Ping', 'HelperForTests', 'Internal', 'Renamed']) assert.ok(!names.includes(name), name);
  });

  it('diffs each Go package folder of the framework package separately', () => {
    const removed = change('Provider.Close', `${LLMS}/iface`);
    assert.equal(removed.kind, 'removed');
    assert.match(removed.message, /removed from interface iface\.Provider/);
  });

  it('puts findings on the new declaration, else on the anchor (workspace-relative paths)', () => {
    const file = `${LLMS}/llms.go`;
    const at = (name: string, dir = LLMS) => llms.findings.find((f) => f.message === change(name, dir).message);
    assert.equal(llms.findings.length, llms.changes.filter((c) => c.breaking).length);
    assert.ok(llms.findings.every((f) => f.rule === 'compat/breaking-change'));
    assert.deepEqual(at('Params')?.file, file);
    assert.deepEqual(at('Params')?.range.start, positionOf(LLMS_AFTER, 'Params('));
    assert.deepEqual(at('Model.Stream')?.range.start, positionOf(LLMS_AFTER, 'type Model'));
    assert.deepEqual(at('Remove')?.range.start, positionOf(LLMS_AFTER, 'package llms'));
    assert.deepEqual(at('Provider.Close', `${LLMS}/iface`)?.file, `${LLMS}/iface/provider.go`);
  });

  it('summarises breaking changes and notes that text workflows are touched', () => {
    assert.deepEqual(llms.breakingChanges, llms.changes.filter((c) => c.breaking).map((c) => c.message));
    assert.equal(llms.textOnlyWorkflowsSupported, false);
  });

  it('leaves the work tree, the index and the refs byte-identical', () => {
    assert.equal(repo.snapshot(), snapshotBefore);
  });
});
