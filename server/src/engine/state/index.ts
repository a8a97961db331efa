// The status state file `.gocomply/state.json` (spec §8): reading, derived
// statuses, transitions a person asks for, and safe concurrent writes.
export { STATE_DIR, STATE_FILE, statePaths } from './paths';
export {
  deriveLifecycleStatus,
  deriveMultimodalStatus,
  derivePackageStatus,
  deriveProviderStatus,
  regressedFinding,
  type CompletionStatusValue,
  type Derived,
  type LifecycleStatusInput,
  type LifecycleStatusValue,
  type PackageStatusInput,
} from './derive';
export { packageFingerprint, type FingerprintFacts } from './fingerprint';
export { formatPath, parseStateText, type ReadStateResult } from './parse';
export { allowedPackageTransitions, applyTransition, recordDerivedCompletions } from './transitions';
export { allowedLifecycleTransitions } from './lifecycleTransitions';
export type {
  LifecycleTransitionRequest,
  MultimodalTransitionRequest,
  PackageTransitionRequest,
  ProviderTransitionRequest,
  TransitionFacts,
  TransitionKind,
  TransitionRequest,
  TransitionResult,
} from './transitionTypes';
export { DEFAULT_LOCK_OPTIONS, type LockOptions } from './lock';
export { readState, serializeState, writeState, type WriteStateResult } from './store';
export { emptyState, providerKey, type StateFile } from '../../../../common/schemas/state';
