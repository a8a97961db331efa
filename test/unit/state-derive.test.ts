// Derived statuses of the state file (spec §8, seed "State Transitions"):
// every combination of what is recorded and what the code shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LifecycleStateEntry, PackageStateEntry } from '../../common/schemas/state';
import {
  deriveLifecycleStatus,
  deriveMultimodalStatus,
  derivePackageStatus,
  deriveProviderStatus,
  regressedFinding,
  type CompletionStatusValue,
  type LifecycleStatusValue,
} from '../../server/src/engine/state/index';

const AT = '2024-05-01T10:00:00.000Z';

function packageEntry(status: PackageStateEntry['status'] | undefined, fingerprint?: string): PackageStateEntry | undefined {
  if (status === undefined) return undefined;
  return fingerprint === undefined ? { status, updatedAt: AT } : { status, fingerprint, updatedAt: AT };
}

function lifecycleEntry(status: LifecycleStatusValue | undefined): LifecycleStateEntry | undefined {
  return status === undefined ? undefined : { status, updatedAt: AT };
}

describe('derivePackageStatus', () => {
  const table: [PackageStateEntry['status'] | undefined, boolean, CompletionStatusValue, boolean][] = [
    // recorded, FULL, derived, regressed
    [undefined, true, 'COMPLETE', false],
    [undefined, false, 'NOT_STARTED', false],
    ['IN_PROGRESS', true, 'COMPLETE', false],
    ['IN_PROGRESS', false, 'IN_PROGRESS', false],
    ['COMPLETE', true, 'COMPLETE', false],
    ['COMPLETE', false, 'IN_PROGRESS', true],
    ['VERIFIED', true, 'VERIFIED', false],
    ['VERIFIED', false, 'IN_PROGRESS', true],
  ];
  for (const [recorded, isFull, status, regressed] of table) {
    it(`${recorded ?? 'no entry'} and ${isFull ? 'FULL' : 'not FULL'} -> ${status}${regressed ? ', regressed' : ''}`, () => {
      const derived = derivePackageStatus({ entry: packageEntry(recorded), isFull });
      assert.equal(derived.status, status);
      assert.equal(derived.regressed, regressed);
    });
  }

  it('keeps VERIFIED while FULL when the facts changed since, and says they changed', () => {
    const entry = packageEntry('VERIFIED', 'a'.repeat(64));
    assert.deepEqual(derivePackageStatus({ entry, isFull: true, fingerprint: 'a'.repeat(64) }), {
      status: 'VERIFIED',
      regressed: false,
      fingerprintChanged: false,
    });
    assert.deepEqual(derivePackageStatus({ entry, isFull: true, fingerprint: 'b'.repeat(64) }), {
      status: 'VERIFIED',
      regressed: false,
      fingerprintChanged: true,
    });
  });

  it('does not claim changed facts when either fingerprint is unknown', () => {
    assert.equal(derivePackageStatus({ entry: packageEntry('VERIFIED'), isFull: true, fingerprint: 'x' }).fingerprintChanged, false);
    assert.equal(derivePackageStatus({ entry: packageEntry('VERIFIED', 'x'), isFull: true }).fingerprintChanged, false);
  });
});

describe('deriveLifecycleStatus (providers and multimodal capabilities)', () => {
  type Code = 'no code' | 'code' | 'complete';
  const code: Record<Code, { codeExists: boolean; complete: boolean }> = {
    'no code': { codeExists: false, complete: false },
    code: { codeExists: true, complete: false },
    complete: { codeExists: true, complete: true },
  };
  const table: [LifecycleStatusValue | undefined, Code, LifecycleStatusValue, boolean][] = [
    [undefined, 'no code', 'PLANNED', false], // named in missingProviders only
    [undefined, 'code', 'IN_PROGRESS', false],
    [undefined, 'complete', 'COMPLETE', false],
    ['PLANNED', 'no code', 'PLANNED', false],
    ['PLANNED', 'code', 'IN_PROGRESS', false],
    ['PLANNED', 'complete', 'COMPLETE', false],
    ['IN_PROGRESS', 'no code', 'IN_PROGRESS', false], // started, nothing written yet
    ['IN_PROGRESS', 'code', 'IN_PROGRESS', false],
    ['IN_PROGRESS', 'complete', 'COMPLETE', false],
    ['COMPLETE', 'no code', 'IN_PROGRESS', true],
    ['COMPLETE', 'code', 'IN_PROGRESS', true],
    ['COMPLETE', 'complete', 'COMPLETE', false],
    ['VERIFIED', 'no code', 'IN_PROGRESS', true],
    ['VERIFIED', 'code', 'IN_PROGRESS', true], // "if tests fail"
    ['VERIFIED', 'complete', 'VERIFIED', false],
  ];
  for (const [recorded, shown, status, regressed] of table) {
    it(`${recorded ?? 'no entry'} with ${shown} -> ${status}${regressed ? ', regressed' : ''}`, () => {
      const derived = deriveLifecycleStatus({ entry: lifecycleEntry(recorded), ...code[shown] });
      assert.equal(derived.status, status);
      assert.equal(derived.regressed, regressed);
    });
  }

  it('is the rule for both providers and multimodal capabilities', () => {
    assert.equal(deriveProviderStatus, deriveLifecycleStatus);
    assert.equal(deriveMultimodalStatus, deriveLifecycleStatus);
  });
});

describe('regressedFinding', () => {
  it('is a state/regressed finding on the anchor that names the package, the recorded status and what to do', () => {
    const range = { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } };
    const finding = regressedFinding('pkg/llms', 'pkg/llms/llms.go', range, 'VERIFIED');
    assert.equal(finding.rule, 'state/regressed');
    assert.equal(finding.file, 'pkg/llms/llms.go');
    assert.deepEqual(finding.range, range);
    assert.match(finding.message, /pkg\/llms is recorded as VERIFIED in \.gocomply\/state\.json but is no longer FULL/);
    assert.match(finding.message, /IN_PROGRESS/);
    assert.match(finding.message, /fix what/);
  });
});
