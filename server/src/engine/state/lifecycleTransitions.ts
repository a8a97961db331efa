// Transitions of providers and multimodal capabilities (seed: PLANNED ->
// IN_PROGRESS -> COMPLETE -> VERIFIED). A person plans, starts and verifies;
// IN_PROGRESS -> COMPLETE and the fall back to IN_PROGRESS are derived.
import { providerKey, type LifecycleStateEntry, type StateFile } from '../../../../common/schemas/state';
import { deriveLifecycleStatus, type LifecycleStatusValue } from './derive';
import {
  allowedText,
  refuse,
  type LifecycleTransitionRequest,
  type TransitionFacts,
  type TransitionKind,
  type TransitionResult,
} from './transitionTypes';

type Step = 'plan' | 'start' | 'verify';

interface LifecycleTarget {
  record: 'providers' | 'multimodal';
  key: string;
  subject: string;
  /** undefined: no code, not named anywhere, not recorded. */
  derived: LifecycleStatusValue | undefined;
  entry: LifecycleStateEntry | undefined;
  kinds: Record<Step, TransitionKind>;
  byItself: string;
}

const PROVIDER_KINDS: Record<Step, TransitionKind> = { plan: 'plan-provider', start: 'start-provider', verify: 'mark-provider-verified' };
const MULTIMODAL_KINDS: Record<Step, TransitionKind> = { plan: 'plan-multimodal', start: 'start-multimodal', verify: 'mark-multimodal-verified' };

const STEP_OF: Record<LifecycleTransitionRequest['kind'], Step> = {
  'plan-provider': 'plan',
  'start-provider': 'start',
  'mark-provider-verified': 'verify',
  'plan-multimodal': 'plan',
  'start-multimodal': 'start',
  'mark-multimodal-verified': 'verify',
};

/** What each step records. */
const RECORDED_STATUS: Record<Step, LifecycleStatusValue> = { plan: 'PLANNED', start: 'IN_PROGRESS', verify: 'VERIFIED' };

export function applyLifecycleTransition(
  state: StateFile,
  request: LifecycleTransitionRequest,
  facts: TransitionFacts,
): TransitionResult {
  const target = targetOf(state, request, facts);
  const step = STEP_OF[request.kind];
  const refusal = lifecycleRefusal(target, step);
  if (refusal !== undefined) return refuse(refusal);
  const entry: LifecycleStateEntry = { status: RECORDED_STATUS[step], updatedAt: facts.now };
  const fingerprint = 'fingerprint' in request ? request.fingerprint : undefined;
  if (step === 'verify' && fingerprint !== undefined) entry.fingerprint = fingerprint;
  return { ok: true, state: { ...state, [target.record]: { ...state[target.record], [target.key]: entry } } };
}

function targetOf(state: StateFile, request: LifecycleTransitionRequest, facts: TransitionFacts): LifecycleTarget {
  if ('providerName' in request) {
    const key = providerKey(request.packagePath, request.providerName);
    const entry = state.providers[key];
    return {
      record: 'providers',
      key,
      subject: `provider "${request.providerName}" of ${request.packagePath}`,
      derived: facts.providers[key] ?? derivedWithoutCode(entry),
      entry,
      kinds: PROVIDER_KINDS,
      byItself: 'it becomes COMPLETE by itself once it is registered, has unit tests and a mock, and meets the coverage threshold',
    };
  }
  const entry = state.multimodal[request.packagePath];
  return {
    record: 'multimodal',
    key: request.packagePath,
    subject: `the multimodal capability of ${request.packagePath}`,
    derived: facts.multimodal[request.packagePath] ?? derivedWithoutCode(entry),
    entry,
    kinds: MULTIMODAL_KINDS,
    byItself: 'it becomes COMPLETE by itself once every listed data type is implemented and nothing breaks',
  };
}

function derivedWithoutCode(entry: LifecycleStateEntry | undefined): LifecycleStatusValue | undefined {
  return entry === undefined ? undefined : deriveLifecycleStatus({ entry, codeExists: false, complete: false }).status;
}

function lifecycleRefusal(target: LifecycleTarget, step: Step): string | undefined {
  const allowedSteps = allowedLifecycleSteps(target.derived, target.entry);
  if (allowedSteps.includes(step)) return undefined;
  const status = target.derived ?? 'not planned';
  const kind = target.kinds[step];
  const allowed = allowedText(status, allowedSteps.map((allowedStep) => target.kinds[allowedStep]), target.byItself);
  switch (step) {
    case 'plan': {
      const why = target.entry !== undefined ? `it is already recorded as ${target.entry.status}` : `its code already exists (${status})`;
      return `Cannot plan ${target.subject}: ${why}; "${kind}" is only allowed for something with no code and no entry in the state file. ${allowed}`;
    }
    case 'start':
      return `Cannot start ${target.subject}: it is ${status}, and "${kind}" is only allowed from PLANNED. ${allowed}`;
    case 'verify':
      return `Cannot mark ${target.subject} verified: it is ${status}, and "${kind}" is only allowed from COMPLETE. ${allowed}`;
  }
}

function allowedLifecycleSteps(derived: LifecycleStatusValue | undefined, entry: LifecycleStateEntry | undefined): Step[] {
  const steps: Step[] = [];
  if (entry === undefined && (derived === undefined || derived === 'PLANNED')) steps.push('plan');
  if (derived === 'PLANNED') steps.push('start');
  if (derived === 'COMPLETE') steps.push('verify');
  return steps;
}

/** What a person can ask for a provider or multimodal capability in its current state. */
export function allowedLifecycleTransitions(
  area: 'provider' | 'multimodal',
  derived: LifecycleStatusValue | undefined,
  entry: LifecycleStateEntry | undefined,
): TransitionKind[] {
  const kinds = area === 'provider' ? PROVIDER_KINDS : MULTIMODAL_KINDS;
  return allowedLifecycleSteps(derived, entry).map((step) => kinds[step]);
}
