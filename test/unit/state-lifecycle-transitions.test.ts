// Provider and multimodal transitions a person asks for (seed: PLANNED ->
// IN_PROGRESS -> COMPLETE -> VERIFIED): each allowed one and each refusal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyState, providerKey, type LifecycleStateEntry, type StateFile } from '../../common/schemas/state';
import {
  allowedLifecycleTransitions,
  applyTransition,
  deriveProviderStatus,
  type LifecycleStatusValue,
  type TransitionRequest,
  type TransitionResult,
} from '../../server/src/engine/state/index';

const PKG = 'pkg/llms';
const KEY = providerKey(PKG, 'gemini');
const AT = '2024-05-01T10:00:00.000Z';
const NOW = '2024-06-01T12:00:00.000Z';

/** Frozen all the way down, so a transition that mutated its input would throw. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFrozen(child);
    Object.freeze(value);
  }
  return value;
}

function stateWith(providers: Record<string, LifecycleStateEntry>, multimodal: Record<string, LifecycleStateEntry> = {}): StateFile {
  return deepFrozen({ ...emptyState(), providers, multimodal });
}

/** `derived` is what the audit shows for gemini (and for the package's multimodal capability). */
function apply(state: StateFile, request: TransitionRequest, derived?: LifecycleStatusValue): TransitionResult {
  const shown: Record<string, LifecycleStatusValue> = derived === undefined ? {} : { [KEY]: derived };
  const multimodal: Record<string, LifecycleStatusValue> = derived === undefined ? {} : { [PKG]: derived };
  return applyTransition(state, request, { now: NOW, packages: { [PKG]: 'IN_PROGRESS' }, providers: shown, multimodal });
}

function expectOk(result: TransitionResult): StateFile {
  if (!result.ok) assert.fail(`refused: ${result.message}`);
  return result.state;
}

function expectRefused(result: TransitionResult, ...patterns: RegExp[]): void {
  if (result.ok) assert.fail('the transition was allowed');
  for (const pattern of patterns) assert.match(result.message, pattern);
}

const plan: TransitionRequest = { kind: 'plan-provider', packagePath: PKG, providerName: 'gemini' };
const start: TransitionRequest = { kind: 'start-provider', packagePath: PKG, providerName: 'gemini' };
const verify: TransitionRequest = { kind: 'mark-provider-verified', packagePath: PKG, providerName: 'gemini', fingerprint: 'abc' };

describe('plan-provider', () => {
  it('-> PLANNED for a provider nobody named yet', () => {
    assert.deepEqual(expectOk(apply(stateWith({}), plan)).providers[KEY], { status: 'PLANNED', updatedAt: NOW });
  });

  it('-> PLANNED (recorded) for one only named in missingProviders', () => {
    assert.deepEqual(expectOk(apply(stateWith({}), plan, 'PLANNED')).providers[KEY], { status: 'PLANNED', updatedAt: NOW });
  });

  it('is refused when the provider is already recorded', () => {
    expectRefused(apply(stateWith({ [KEY]: { status: 'PLANNED', updatedAt: AT } }), plan), /Cannot plan provider "gemini" of pkg\/llms: it is already recorded as PLANNED/, /From PLANNED you can: "start-provider"\./);
  });

  for (const derived of ['IN_PROGRESS', 'COMPLETE', 'VERIFIED'] as const) {
    it(`is refused when its code exists (${derived})`, () => {
      expectRefused(apply(stateWith({}), plan, derived), new RegExp(`its code already exists \\(${derived}\\)`), /only allowed for something with no code and no entry/);
    });
  }
});

describe('start-provider', () => {
  it('PLANNED (recorded) -> IN_PROGRESS, which stays IN_PROGRESS until code is complete', () => {
    const next = expectOk(apply(stateWith({ [KEY]: { status: 'PLANNED', updatedAt: AT } }), start));
    assert.deepEqual(next.providers[KEY], { status: 'IN_PROGRESS', updatedAt: NOW });
    assert.equal(deriveProviderStatus({ entry: next.providers[KEY], codeExists: false, complete: false }).status, 'IN_PROGRESS');
  });

  it('PLANNED (named in missingProviders) -> IN_PROGRESS', () => {
    assert.equal(expectOk(apply(stateWith({}), start, 'PLANNED')).providers[KEY]?.status, 'IN_PROGRESS');
  });

  it('is refused for a provider that is not planned', () => {
    expectRefused(apply(stateWith({}), start), /Cannot start provider "gemini" of pkg\/llms: it is not planned/, /From not planned you can: "plan-provider"\./);
  });

  for (const derived of ['IN_PROGRESS', 'COMPLETE', 'VERIFIED'] as const) {
    it(`is refused from ${derived}`, () => {
      expectRefused(apply(stateWith({}), start, derived), new RegExp(`it is ${derived}, and "start-provider" is only allowed from PLANNED`));
    });
  }
});

describe('mark-provider-verified', () => {
  it('COMPLETE -> VERIFIED, with the fingerprint when given', () => {
    assert.deepEqual(expectOk(apply(stateWith({}), verify, 'COMPLETE')).providers[KEY], { status: 'VERIFIED', updatedAt: NOW, fingerprint: 'abc' });
    const withoutFingerprint: TransitionRequest = { kind: 'mark-provider-verified', packagePath: PKG, providerName: 'gemini' };
    assert.deepEqual(expectOk(apply(stateWith({}), withoutFingerprint, 'COMPLETE')).providers[KEY], { status: 'VERIFIED', updatedAt: NOW });
  });

  for (const derived of ['PLANNED', 'IN_PROGRESS', 'VERIFIED'] as const) {
    it(`is refused from ${derived}`, () => {
      expectRefused(apply(stateWith({}), verify, derived), new RegExp(`Cannot mark provider "gemini" of pkg/llms verified: it is ${derived}`), /only allowed from COMPLETE/);
    });
  }

  it('says what happens by itself when nothing can be asked', () => {
    expectRefused(apply(stateWith({}), verify, 'IN_PROGRESS'), /Nothing can be requested from IN_PROGRESS: it becomes COMPLETE by itself once it is registered/);
  });
});

describe('multimodal capability transitions', () => {
  const planMultimodal: TransitionRequest = { kind: 'plan-multimodal', packagePath: PKG };
  const startMultimodal: TransitionRequest = { kind: 'start-multimodal', packagePath: PKG };
  const verifyMultimodal: TransitionRequest = { kind: 'mark-multimodal-verified', packagePath: PKG };

  it('plan -> start -> (COMPLETE by the code) -> verified', () => {
    let state = expectOk(apply(stateWith({}), planMultimodal));
    assert.deepEqual(state.multimodal[PKG], { status: 'PLANNED', updatedAt: NOW });
    state = expectOk(apply(deepFrozen(state), startMultimodal));
    assert.equal(state.multimodal[PKG]?.status, 'IN_PROGRESS');
    state = expectOk(apply(deepFrozen(state), verifyMultimodal, 'COMPLETE'));
    assert.deepEqual(state.multimodal[PKG], { status: 'VERIFIED', updatedAt: NOW });
    assert.deepEqual(state.providers, {});
  });

  it('refuses planning a capability the code already shows, and verifying one that is not COMPLETE', () => {
    expectRefused(apply(stateWith({}), planMultimodal, 'IN_PROGRESS'), /Cannot plan the multimodal capability of pkg\/llms: its code already exists/);
    expectRefused(apply(stateWith({}, { [PKG]: { status: 'PLANNED', updatedAt: AT } }), verifyMultimodal), /it is PLANNED, and "mark-multimodal-verified" is only allowed from COMPLETE/, /"start-multimodal"/);
  });
});

describe('allowedLifecycleTransitions', () => {
  it('lists what a person can ask for each status', () => {
    const planned: LifecycleStateEntry = { status: 'PLANNED', updatedAt: AT };
    assert.deepEqual(allowedLifecycleTransitions('provider', undefined, undefined), ['plan-provider']);
    assert.deepEqual(allowedLifecycleTransitions('provider', 'PLANNED', undefined), ['plan-provider', 'start-provider']);
    assert.deepEqual(allowedLifecycleTransitions('provider', 'PLANNED', planned), ['start-provider']);
    assert.deepEqual(allowedLifecycleTransitions('provider', 'IN_PROGRESS', undefined), []);
    assert.deepEqual(allowedLifecycleTransitions('multimodal', 'COMPLETE', undefined), ['mark-multimodal-verified']);
    assert.deepEqual(allowedLifecycleTransitions('multimodal', 'VERIFIED', { status: 'VERIFIED', updatedAt: AT }), []);
  });
});
