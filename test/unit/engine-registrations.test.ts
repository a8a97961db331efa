// A qualified `pkg.Register(...)` is a registration only when that package's
// Register is a registry function (spec §5: defined in registry.go, factory.go
// or registry/); the same name elsewhere is not.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../../common/schemas/report';
import { auditValid, findPackage, writeFile } from './helpers/fixtures';

const GO_MOD = 'module example.com/regs\n\ngo 1.22\n';
const STT_REGISTRY = `package stt

// Factory builds a speech-to-text provider.
type Factory func() any

var factories = map[string]Factory{}

// Register adds a provider factory under name.
func Register(name string, factory Factory) { factories[name] = factory }
`;
const STORES = `package stores

// Register is an ordinary helper that happens to share the name.
func Register(name string, value any) { _ = name; _ = value }
`;
const CALLER = `package app

import (
	"example.com/regs/pkg/stores"
	"example.com/regs/pkg/stt"
)

func newDeepgram() any { return nil }

func init() {
	stt.Register("deepgram", newDeepgram)
	stores.Register("pgvector", newDeepgram)
}
`;

describe('qualified registrations resolve through the import', () => {
  let root: string;
  let report: Report;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-regs-'));
    writeFile(root, 'go.mod', GO_MOD);
    writeFile(root, 'pkg/stt/registry.go', STT_REGISTRY);
    writeFile(root, 'pkg/stores/stores.go', STORES);
    writeFile(root, 'pkg/app/app.go', CALLER);
    writeFile(root, 'pkg/app/registry.go', 'package app\n\n// GetRegistry marks app as a multi-provider package.\nfunc GetRegistry() any { return nil }\n');
    report = await auditValid(root);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts stt.Register (registry.go) and not stores.Register (stores.go)', () => {
    const registrations = findPackage(report, 'app').providerSupport?.registrations ?? [];
    assert.deepEqual(registrations.map((r) => [r.registryName, r.autoRegister]), [['deepgram', true]]);
  });
});
