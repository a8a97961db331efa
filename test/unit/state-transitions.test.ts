// Package transitions a person asks for (spec §8): each allowed one, each
// refused one with its message, and regression after verification.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyState, type PackageStateEntry, type StateFile } from '../../common/schemas/state';
import {
  allowedPackageTransitions,
  applyTransition,
  derivePackageStatus,
  recordDerivedCompletions,
  regressedFinding,
  type CompletionStatusValue,
  type TransitionFacts,
  type TransitionResult,
} from '../../server/src/engine/state/index';

const AT = '2024-05-01T10:00:00.000Z';
const NOW = '2024-06-01T12:00:00.000Z';

function factsFor(derived: Partial<TransitionFacts>): TransitionFacts {
  return { now: NOW, packages: {}, providers: {}, multimodal: {}, ...derived };
}

/** Frozen all the way down, so a transition that mutated its input would throw. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFrozen(child);
    Object.freeze(value);
  }
  return value;
}

function expectOk(result: TransitionResult): StateFile {
  if (!result.ok) assert.fail(`refused: ${result.message}`);
  return deepFrozen(result.state);
}

function expectRefused(result: TransitionResult, ...patterns: RegExp[]): void {
  if (result.ok) assert.fail('the transition was allowed');
  for (const pattern of patterns) assert.match(result.message, pattern);
}

const PKG = 'pkg/llms';
const FINGERPRINT = 'f'.repeat(64);

function recorded(status: PackageStateEntry['status'], extra: Partial<PackageStateEntry> = {}): StateFile {
  return deepFrozen({ ...emptyState(), packages: { [PKG]: { status, updatedAt: AT, ...extra } } });
}

function apply(state: StateFile, derived: CompletionStatusValue, request: Parameters<typeof applyTransition>[1]): TransitionResult {
  return applyTransition(state, request, factsFor({ packages: { [PKG]: derived } }));
}

describe('start-alignment', () => {
  it('NOT_STARTED -> IN_PROGRESS, with the time and an optional note', () => {
    const state = expectOk(apply(deepFrozen(emptyState()), 'NOT_STARTED', { kind: 'start-alignment', packagePath: PKG, note: 'Q3' }));
    assert.deepEqual(state.packages[PKG], { status: 'IN_PROGRESS', updatedAt: NOW, note: 'Q3' });
  });

  for (const derived of ['IN_PROGRESS', 'COMPLETE', 'VERIFIED'] as const) {
    it(`is refused from ${derived}`, () => {
      const result = apply(deepFrozen(emptyState()), derived, { kind: 'start-alignment', packagePath: PKG });
      expectRefused(result, new RegExp(`Cannot start alignment of pkg/llms: it is ${derived}`), /only allowed from NOT_STARTED/);
    });
  }

  it('says what is allowed instead', () => {
    expectRefused(apply(deepFrozen(emptyState()), 'COMPLETE', { kind: 'start-alignment', packagePath: PKG }), /From COMPLETE you can: "mark-verified"/);
    expectRefused(
      apply(deepFrozen(emptyState()), 'IN_PROGRESS', { kind: 'start-alignment', packagePath: PKG }),
      /Nothing can be requested from IN_PROGRESS: it becomes COMPLETE by itself once the package is FULL/,
    );
  });
});

describe('mark-verified', () => {
  const cases: [string, StateFile][] = [
    ['FULL with no entry', deepFrozen(emptyState())],
    ['recorded IN_PROGRESS and now FULL', recorded('IN_PROGRESS', { note: 'keep me' })],
    ['recorded COMPLETE', recorded('COMPLETE')],
  ];
  for (const [name, state] of cases) {
    it(`COMPLETE (${name}) -> VERIFIED, storing the fingerprint`, () => {
      const next = expectOk(apply(state, 'COMPLETE', { kind: 'mark-verified', packagePath: PKG, fingerprint: FINGERPRINT }));
      const entry = next.packages[PKG];
      assert.equal(entry?.status, 'VERIFIED');
      assert.equal(entry?.fingerprint, FINGERPRINT);
      assert.equal(entry?.updatedAt, NOW);
      assert.equal(entry?.note, state.packages[PKG]?.note);
    });
  }

  for (const derived of ['NOT_STARTED', 'IN_PROGRESS', 'VERIFIED'] as const) {
    it(`is refused from ${derived}`, () => {
      const result = apply(recorded('VERIFIED'), derived, { kind: 'mark-verified', packagePath: PKG, fingerprint: FINGERPRINT });
      expectRefused(result, new RegExp(`Cannot mark pkg/llms verified: it is ${derived}`), /only allowed from COMPLETE/);
    });
  }

  it('is refused without a fingerprint', () => {
    expectRefused(apply(deepFrozen(emptyState()), 'COMPLETE', { kind: 'mark-verified', packagePath: PKG, fingerprint: '' }), /without the fingerprint/);
  });
});

describe('reopen', () => {
  it('VERIFIED -> IN_PROGRESS recorded, dropping the fingerprint; while FULL it shows COMPLETE again', () => {
    const state = recorded('VERIFIED', { fingerprint: FINGERPRINT, note: 'audited' });
    const next = expectOk(apply(state, 'VERIFIED', { kind: 'reopen', packagePath: PKG, note: 'race in Stream' }));
    assert.deepEqual(next.packages[PKG], { status: 'IN_PROGRESS', updatedAt: NOW, note: 'race in Stream' });
    assert.equal(derivePackageStatus({ entry: next.packages[PKG], isFull: true }).status, 'COMPLETE');
    assert.equal(derivePackageStatus({ entry: next.packages[PKG], isFull: false }).status, 'IN_PROGRESS');
  });

  it('acknowledges a regression: recorded COMPLETE, not FULL -> IN_PROGRESS, no longer regressed', () => {
    const state = recorded('COMPLETE', { note: 'kept' });
    assert.equal(derivePackageStatus({ entry: state.packages[PKG], isFull: false }).regressed, true);
    const next = expectOk(apply(state, 'IN_PROGRESS', { kind: 'reopen', packagePath: PKG }));
    assert.deepEqual(next.packages[PKG], { status: 'IN_PROGRESS', updatedAt: NOW, note: 'kept' });
    assert.equal(derivePackageStatus({ entry: next.packages[PKG], isFull: false }).regressed, false);
  });

  it('is refused when nothing COMPLETE or VERIFIED is recorded', () => {
    expectRefused(
      apply(deepFrozen(emptyState()), 'COMPLETE', { kind: 'reopen', packagePath: PKG }),
      /Cannot reopen pkg\/llms: it is COMPLETE because it is FULL and nothing is recorded as COMPLETE or VERIFIED/,
      /From COMPLETE you can: "mark-verified"\./,
    );
    expectRefused(apply(recorded('IN_PROGRESS'), 'IN_PROGRESS', { kind: 'reopen', packagePath: PKG }), /Cannot reopen pkg\/llms: it is IN_PROGRESS/);
    expectRefused(apply(deepFrozen(emptyState()), 'NOT_STARTED', { kind: 'reopen', packagePath: PKG }), /From NOT_STARTED you can: "start-alignment"/);
  });
});

describe('package transitions in general', () => {
  it('refuse a package that is not in the workspace', () => {
    const result = applyTransition(deepFrozen(emptyState()), { kind: 'start-alignment', packagePath: 'pkg/nope' }, factsFor({ packages: { [PKG]: 'NOT_STARTED' } }));
    expectRefused(result, /no framework package at "pkg\/nope"/);
  });

  it('leave the input state untouched (it is frozen) and keep other entries', () => {
    const state = deepFrozen({ ...emptyState(), packages: { 'pkg/other': { status: 'IN_PROGRESS' as const, updatedAt: AT } } });
    const next = expectOk(applyTransition(state, { kind: 'start-alignment', packagePath: PKG }, factsFor({ packages: { [PKG]: 'NOT_STARTED' } })));
    assert.deepEqual(Object.keys(next.packages).sort(), ['pkg/llms', 'pkg/other']);
    assert.deepEqual(state.packages, { 'pkg/other': { status: 'IN_PROGRESS', updatedAt: AT } });
  });

  it('list what is allowed for each derived status', () => {
    assert.deepEqual(allowedPackageTransitions('NOT_STARTED', undefined), ['start-alignment']);
    assert.deepEqual(allowedPackageTransitions('IN_PROGRESS', { status: 'IN_PROGRESS', updatedAt: AT }), []);
    assert.deepEqual(allowedPackageTransitions('IN_PROGRESS', { status: 'VERIFIED', updatedAt: AT }), ['reopen']);
    assert.deepEqual(allowedPackageTransitions('COMPLETE', undefined), ['mark-verified']);
    assert.deepEqual(allowedPackageTransitions('COMPLETE', { status: 'COMPLETE', updatedAt: AT }), ['mark-verified', 'reopen']);
    assert.deepEqual(allowedPackageTransitions('VERIFIED', { status: 'VERIFIED', updatedAt: AT }), ['reopen']);
  });
});

describe('the whole life of a package, with regression after verification', () => {
  it('NOT_STARTED -> IN_PROGRESS -> COMPLETE -> VERIFIED -> regressed -> VERIFIED again', () => {
    const derive = (state: StateFile, isFull: boolean) => derivePackageStatus({ entry: state.packages[PKG], isFull });
    let state = deepFrozen(emptyState());
    assert.equal(derive(state, false).status, 'NOT_STARTED');
    state = expectOk(apply(state, 'NOT_STARTED', { kind: 'start-alignment', packagePath: PKG }));
    assert.equal(derive(state, false).status, 'IN_PROGRESS');
    assert.equal(derive(state, true).status, 'COMPLETE'); // reaches FULL
    state = expectOk(apply(state, 'COMPLETE', { kind: 'mark-verified', packagePath: PKG, fingerprint: FINGERPRINT }));
    assert.equal(derive(state, true).status, 'VERIFIED');

    const regressed = derive(state, false); // a change breaks FULL
    assert.deepEqual([regressed.status, regressed.regressed], ['IN_PROGRESS', true]);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.equal(regressedFinding(PKG, 'pkg/llms/llms.go', range, 'VERIFIED').rule, 'state/regressed');
    expectRefused(apply(state, 'IN_PROGRESS', { kind: 'mark-verified', packagePath: PKG, fingerprint: FINGERPRINT }), /From IN_PROGRESS you can: "reopen"/);

    assert.deepEqual(derive(state, true), { status: 'VERIFIED', regressed: false, fingerprintChanged: false }); // fixed again
  });
});

describe('recordDerivedCompletions', () => {
  it('records COMPLETE for started packages that became FULL, so a later drop counts as a regression', () => {
    const state = recorded('IN_PROGRESS', { note: 'n' });
    const next = recordDerivedCompletions(state, { [PKG]: 'COMPLETE' }, NOW);
    assert.deepEqual(next.packages[PKG], { status: 'COMPLETE', updatedAt: NOW, note: 'n' });
    assert.equal(derivePackageStatus({ entry: next.packages[PKG], isFull: false }).regressed, true);
  });

  it('returns the same state when nothing changes', () => {
    const state = recorded('IN_PROGRESS');
    assert.equal(recordDerivedCompletions(state, { [PKG]: 'IN_PROGRESS' }, NOW), state);
    const verified = recorded('VERIFIED');
    assert.equal(recordDerivedCompletions(verified, { [PKG]: 'VERIFIED' }, NOW), verified);
  });
});
