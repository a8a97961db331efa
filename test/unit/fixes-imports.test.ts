// Adding imports the way goimports would (fixes/goImports.ts). Each case
// writes the file before and the file expected after by hand, and checks the
// result is what gofmt would write.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { applyChanges } from '../../server/src/engine/fixes/apply';
import { comparePaths, importChanges, importedName, type WantedImport } from '../../server/src/engine/fixes/goImports';
import { gofmtProblem, requireGofmt } from './helpers/fixHarness';

const BODY = '\nfunc f() {}\n';

function withImports(t: TestContext, before: string, wanted: WantedImport[], expected: string): void {
  const after = applyChanges(before, importChanges(before, wanted));
  assert.equal(after, expected);
  if (requireGofmt(t)) assert.equal(gofmtProblem(after), undefined);
}

describe('importChanges', () => {
  const grouped = `package llms

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)
${BODY}`;

  it('puts an OpenTelemetry path into the OpenTelemetry group, at its sorted place', (t) => {
    withImports(
      t,
      grouped,
      [{ path: 'go.opentelemetry.io/otel/codes' }],
      `package llms

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)
${BODY}`,
    );
  });

  it('puts standard-library paths into the standard group, several at once in order', (t) => {
    withImports(
      t,
      grouped,
      [{ path: 'sync' }, { path: 'go.opentelemetry.io/otel' }, { path: 'errors' }, { path: 'strings' }],
      `package llms

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)
${BODY}`,
    );
  });

  it('adds nothing when the path is imported, under an alias or not, and adds a path once', (t) => {
    const aliased = grouped.replace('"go.opentelemetry.io/otel/trace"', 'oteltrace "go.opentelemetry.io/otel/trace"');
    assert.deepEqual(importChanges(aliased, [{ path: 'go.opentelemetry.io/otel/trace' }, { path: 'fmt' }]), []);
    withImports(
      t,
      aliased,
      [{ path: 'go.opentelemetry.io/otel/codes', alias: 'otelcodes' }, { path: 'go.opentelemetry.io/otel/codes', alias: 'otelcodes' }],
      `package llms

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	otelcodes "go.opentelemetry.io/otel/codes"
	oteltrace "go.opentelemetry.io/otel/trace"
)
${BODY}`,
    );
  });

  it('opens a new group for the other kind of path', (t) => {
    withImports(
      t,
      'package tools\n\nimport (\n\t"context"\n\t"fmt"\n)\n' + BODY,
      [{ path: 'go.opentelemetry.io/otel/codes' }, { path: 'go.opentelemetry.io/otel' }],
      'package tools\n\nimport (\n\t"context"\n\t"fmt"\n\n\t"go.opentelemetry.io/otel"\n\t"go.opentelemetry.io/otel/codes"\n)\n' + BODY,
    );
    withImports(
      t,
      'package tools\n\nimport (\n\t"go.opentelemetry.io/otel"\n)\n' + BODY,
      [{ path: 'context' }],
      'package tools\n\nimport (\n\t"context"\n\n\t"go.opentelemetry.io/otel"\n)\n' + BODY,
    );
  });

  it('turns a single import into a block, keeping its alias and its comment', (t) => {
    withImports(
      t,
      'package tools\n\nimport "context"\n' + BODY,
      [{ path: 'go.opentelemetry.io/otel' }],
      'package tools\n\nimport (\n\t"context"\n\n\t"go.opentelemetry.io/otel"\n)\n' + BODY,
    );
    withImports(
      t,
      'package tools\n\nimport stdctx "context" // the standard one\n' + BODY,
      [{ path: 'errors' }],
      'package tools\n\nimport (\n\tstdctx "context"\n\t"errors"\n) // the standard one\n' + BODY,
    );
  });

  it('adds a declaration after the package clause of a file without imports', (t) => {
    withImports(
      t,
      '// Package tools holds tools.\npackage tools\n' + BODY,
      [{ path: 'go.opentelemetry.io/otel/codes' }, { path: 'errors' }],
      '// Package tools holds tools.\npackage tools\n\nimport (\n\t"errors"\n\n\t"go.opentelemetry.io/otel/codes"\n)\n' + BODY,
    );
    withImports(
      t,
      'package tools // import "example.com/x/tools"\n' + BODY,
      [{ path: 'errors' }],
      'package tools // import "example.com/x/tools"\n\nimport (\n\t"errors"\n)\n' + BODY,
    );
  });

  it('is not fooled by a parenthesis in a comment of the import block', (t) => {
    withImports(
      t,
      'package tools\n\nimport (\n\t"context" // (for deadlines)\n\n\t"go.opentelemetry.io/otel"\n)\n' + BODY,
      [{ path: 'go.opentelemetry.io/otel/trace' }],
      'package tools\n\nimport (\n\t"context" // (for deadlines)\n\n\t"go.opentelemetry.io/otel"\n\t"go.opentelemetry.io/otel/trace"\n)\n' + BODY,
    );
  });

  it('sorts paths byte-wise as gofmt does, not in locale order', (t) => {
    assert.ok(comparePaths('github.com/Zeta/x', 'github.com/alpha/y') < 0);
    assert.ok(comparePaths('example.com/a-b', 'example.com/a/b') < 0);
    withImports(
      t,
      'package tools\n\nimport (\n\t"github.com/Zeta/x"\n\t"github.com/zeta/z"\n)\n' + BODY,
      [{ path: 'github.com/alpha/y' }],
      'package tools\n\nimport (\n\t"github.com/Zeta/x"\n\t"github.com/alpha/y"\n\t"github.com/zeta/z"\n)\n' + BODY,
    );
  });
});

describe('importedName', () => {
  it('is the alias, else the last path element, skipping a major-version element', () => {
    const imports = [{ path: 'go.opentelemetry.io/otel/codes', alias: 'otelcodes' }, { path: 'go.opentelemetry.io/otel' }, { path: 'github.com/x/y/v2' }];
    assert.equal(importedName(imports, 'go.opentelemetry.io/otel/codes'), 'otelcodes');
    assert.equal(importedName(imports, 'go.opentelemetry.io/otel'), 'otel');
    assert.equal(importedName(imports, 'github.com/x/y/v2'), 'y');
    assert.equal(importedName(imports, 'fmt'), undefined);
  });
});
