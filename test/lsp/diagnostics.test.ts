// The server's first analysis of a fixture: the same diagnostics as the
// engine computes in-process, with the LSP fields a client needs, published
// with progress and a `ready` status whose counts match.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { isRuleId, ruleDocUrl } from '../../server/src/engine/rules/catalog';
import type { EngineDiagnostic } from '../../server/src/engine/rules/finding';
import { fileUri, messageOf, TestClient } from './helpers/client';
import { bundleStaleness, copyFixture, engineDiagnostics, removeWorkspace } from './helpers/workspace';

const SEVERITY: Record<EngineDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface Comparable {
  uri: string;
  code: string;
  severity: DiagnosticSeverity | undefined;
  range: Diagnostic['range'];
  message: string;
}

function sorted(list: Comparable[]): Comparable[] {
  const key = (d: Comparable) => `${d.uri} ${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}

function published(client: TestClient): Comparable[] {
  return [...client.diagnostics].flatMap(([uri, list]) =>
    list.map((d) => ({ uri, code: String(d.code), severity: d.severity, range: d.range, message: messageOf(d) })),
  );
}

for (const fixture of ['structure-missing', 'tracing-scope', 'span-hygiene', 'multi-provider', 'ignore-comments', 'malformed']) {
  describe(`initial analysis of ${fixture}`, { timeout: 60_000 }, () => {
    let root: string;
    let client: TestClient;
    let expected: EngineDiagnostic[];

    before(async () => {
      root = copyFixture(fixture);
      expected = await engineDiagnostics(root);
      client = await TestClient.start({ folders: [root] });
      await client.waitForStatus((s) => s.state === 'ready');
    });

    after(async () => {
      client.kill();
      removeWorkspace(root);
    });

    it('publishes the diagnostics the engine computes, file by file', () => {
      assert.ok(expected.length > 0, `the ${fixture} fixture has diagnostics`);
      const fromEngine = expected.map((d) => ({
        uri: fileUri(path.join(root, d.file)),
        code: d.rule,
        severity: SEVERITY[d.severity],
        range: d.range,
        message: d.message,
      }));
      assert.deepEqual(sorted(published(client)), sorted(fromEngine), `server and engine disagree${bundleStaleness()}`);
    });

    it('marks each diagnostic with source gocomply, the rule id as code and a link to the rule in the README', () => {
      for (const list of client.diagnostics.values()) {
        for (const d of list) {
          assert.equal(d.source, 'gocomply');
          const code = String(d.code);
          assert.ok(isRuleId(code), `${code} is a rule of the catalogue`);
          assert.equal(d.codeDescription?.href, ruleDocUrl(code));
        }
      }
    });

    it('reports ready with the counts of the analysis', () => {
      const ready = client.lastStatus;
      assert.equal(ready?.state, 'ready');
      assert.equal(ready?.folders, 1);
      assert.equal(ready?.diagnostics, expected.length);
      assert.ok((ready?.packages ?? 0) > 0, 'the fixture has framework packages');
      assert.equal(typeof ready?.score, 'number');
    });
  });
}

describe('indexing', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = copyFixture('structure-missing');
    client = await TestClient.start({ folders: [root] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  after(async () => {
    client.kill();
    removeWorkspace(root);
  });

  it('says it is indexing first, then ready with a higher generation', () => {
    const first = client.statuses[0];
    assert.equal(first?.state, 'indexing');
    const ready = client.statuses.find((s) => s.state === 'ready');
    assert.ok(ready && first && ready.generation > first.generation);
  });

  it('logs to the output channel how many Go files the folder has and how long indexing took', () => {
    const files = client.statuses.find((s) => s.state === 'ready')?.files;
    const line = client.logs.find((message) => message.startsWith(`gocomply: indexed ${path.basename(root)}: `));
    assert.ok(line !== undefined && new RegExp(`: ${files} Go files in \\d+ ms$`).test(line), `log lines: ${client.logs.join(' | ')}`);
  });

  it('reports work-done progress from begin to end, with the files parsed', () => {
    const kinds = client.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    const reports = client.progress.flatMap((p) => (p.kind === 'report' && p.message ? [p.message] : []));
    const total = client.lastStatus?.files ?? 0;
    assert.ok(reports.includes(`parsed ${total}/${total} Go files`), `progress ends with all ${total} files: ${reports.join(', ')}`);
  });

  it('registers file watchers for Go sources, module files, settings, required non-Go files and coverage profiles', async () => {
    await client.waitUntil(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the watcher registration');
    const registration = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const options: unknown = registration?.registerOptions;
    const patterns = JSON.stringify(options);
    for (const pattern of ['**/*.go', '**/go.mod', '**/go.work', '**/.gocomply.json', '**/coverage.out', '**/bench.txt', '**/README.md']) {
      assert.ok(patterns.includes(JSON.stringify(pattern)), `${pattern} is watched: ${patterns}`);
    }
  });
});
