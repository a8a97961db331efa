// Applying a requested transition to the state (spec §8). Pure: the caller
// reads the state, passes the current derived statuses, and writes the result
// (see `writeState`). Every refusal says why and what is allowed instead.
import type { PackageStateEntry, StateFile } from '../../../../common/schemas/state';
import type { CompletionStatusValue } from './derive';
import { applyLifecycleTransition } from './lifecycleTransitions';
import {
  allowedText,
  refuse,
  type PackageTransitionRequest,
  type TransitionFacts,
  type TransitionKind,
  type TransitionRequest,
  type TransitionResult,
} from './transitionTypes';

export function applyTransition(state: StateFile, request: TransitionRequest, facts: TransitionFacts): TransitionResult {
  const derived = facts.packages[request.packagePath];
  if (derived === undefined) {
    return refuse(`There is no framework package at "${request.packagePath}" in this workspace, so nothing about it can be recorded.`);
  }
  switch (request.kind) {
    case 'start-alignment':
    case 'mark-verified':
    case 'reopen':
      return applyPackageTransition(state, request, derived, facts.now);
    default:
      return applyLifecycleTransition(state, request, facts);
  }
}

function applyPackageTransition(
  state: StateFile,
  request: PackageTransitionRequest,
  derived: CompletionStatusValue,
  now: string,
): TransitionResult {
  const recorded = state.packages[request.packagePath];
  const refusal = packageRefusal(request, derived, recorded);
  if (refusal !== undefined) return refuse(refusal);
  const note = request.note ?? recorded?.note;
  const entry: PackageStateEntry =
    request.kind === 'mark-verified'
      ? { status: 'VERIFIED', fingerprint: request.fingerprint, updatedAt: now }
      : { status: 'IN_PROGRESS', updatedAt: now };
  if (note !== undefined) entry.note = note;
  return { ok: true, state: { ...state, packages: { ...state.packages, [request.packagePath]: entry } } };
}

/** Why `request` is refused, or undefined when it is allowed. */
function packageRefusal(
  request: PackageTransitionRequest,
  derived: CompletionStatusValue,
  recorded: PackageStateEntry | undefined,
): string | undefined {
  const subject = request.packagePath;
  const allowed = allowedText(derived, allowedPackageTransitions(derived, recorded), 'it becomes COMPLETE by itself once the package is FULL');
  switch (request.kind) {
    case 'start-alignment':
      if (derived === 'NOT_STARTED') return undefined;
      return `Cannot start alignment of ${subject}: it is ${derived}, and "start-alignment" is only allowed from NOT_STARTED. ${allowed}`;
    case 'mark-verified':
      if (request.fingerprint === '') return `Cannot mark ${subject} verified without the fingerprint of its facts.`;
      if (derived === 'COMPLETE') return undefined;
      return `Cannot mark ${subject} verified: it is ${derived}${derived === 'VERIFIED' ? ' already' : ''}, and "mark-verified" is only allowed from COMPLETE (the package is FULL). ${allowed}`;
    case 'reopen':
      if (recorded?.status === 'COMPLETE' || recorded?.status === 'VERIFIED') return undefined;
      return (
        `Cannot reopen ${subject}: it is ${derived}${derived === 'COMPLETE' ? ' because it is FULL' : ''} and nothing is recorded as COMPLETE or VERIFIED for it; ` +
        `"reopen" withdraws a recorded COMPLETE or VERIFIED. ${allowed}`
      );
  }
}

/** What a person can ask for a package in its current state. */
export function allowedPackageTransitions(
  derived: CompletionStatusValue,
  recorded: PackageStateEntry | undefined,
): TransitionKind[] {
  const reopenable = recorded?.status === 'COMPLETE' || recorded?.status === 'VERIFIED';
  const kinds: TransitionKind[] = [];
  if (derived === 'NOT_STARTED') kinds.push('start-alignment');
  if (derived === 'COMPLETE') kinds.push('mark-verified');
  if (reopenable) kinds.push('reopen');
  return kinds;
}

/**
 * Records the derived IN_PROGRESS -> COMPLETE step for packages whose alignment
 * was started, so that a later drop from FULL is reported as `state/regressed`.
 * Returns `state` itself when nothing changes, so callers can skip the write.
 */
export function recordDerivedCompletions(
  state: StateFile,
  derivedByPackage: Readonly<Record<string, CompletionStatusValue>>,
  now: string,
): StateFile {
  const completed = Object.entries(state.packages).filter(
    ([packagePath, entry]) => entry.status === 'IN_PROGRESS' && derivedByPackage[packagePath] === 'COMPLETE',
  );
  if (completed.length === 0) return state;
  const packages = { ...state.packages };
  for (const [packagePath, entry] of completed) packages[packagePath] = { ...entry, status: 'COMPLETE', updatedAt: now };
  return { ...state, packages };
}
