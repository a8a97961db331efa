// Derived statuses (spec §8, seed "State Transitions"): what a status is now,
// from what the state file records and what the code shows. The code always
// wins over the record: a recorded COMPLETE or VERIFIED that the code no longer
// supports is IN_PROGRESS and flagged as regressed; a recorded VERIFIED comes
// back by itself once the code supports it again.
import type { z } from 'zod';
import type { CompletionStatus, LifecycleStatus } from '../../../../common/schemas/entities';
import type { LifecycleStateEntry, PackageStateEntry } from '../../../../common/schemas/state';
import type { Range } from '../facts/types';
import type { Finding } from '../rules/finding';
import { STATE_FILE } from './paths';

export type CompletionStatusValue = z.infer<typeof CompletionStatus>;
export type LifecycleStatusValue = z.infer<typeof LifecycleStatus>;

export interface Derived<S> {
  status: S;
  /** The record says COMPLETE or VERIFIED but the code no longer supports it. */
  regressed: boolean;
  /**
   * VERIFIED, and the facts differ from the fingerprint stored when it was
   * verified. Informational only: verification stays while the code supports it.
   */
  fingerprintChanged: boolean;
}

export interface PackageStatusInput {
  entry: PackageStateEntry | undefined;
  /** The package's complianceStatus is FULL. */
  isFull: boolean;
  /** `packageFingerprint` of the package now, to tell whether a verification is current. */
  fingerprint?: string;
}

export interface LifecycleStatusInput {
  entry: LifecycleStateEntry | undefined;
  /** Some code exists: the provider's folder or registration; for multimodal, some data type implemented. */
  codeExists: boolean;
  /** Meets the spec's COMPLETE conditions (§5 for providers, §6 for multimodal). */
  complete: boolean;
  fingerprint?: string;
}

function verifiedFactsChanged(entry: { status: string; fingerprint?: string } | undefined, now: string | undefined): boolean {
  return entry?.status === 'VERIFIED' && entry.fingerprint !== undefined && now !== undefined && entry.fingerprint !== now;
}

/**
 * completionStatus of a package. Decisions where the spec is silent: a FULL
 * package without an entry is COMPLETE (nobody had to start it), and a VERIFIED
 * package stays VERIFIED while it is FULL even when its facts changed since.
 */
export function derivePackageStatus(input: PackageStatusInput): Derived<CompletionStatusValue> {
  const recorded = input.entry?.status;
  const fingerprintChanged = verifiedFactsChanged(input.entry, input.fingerprint);
  if (input.isFull) {
    return { status: recorded === 'VERIFIED' ? 'VERIFIED' : 'COMPLETE', regressed: false, fingerprintChanged };
  }
  if (recorded === undefined) return { status: 'NOT_STARTED', regressed: false, fingerprintChanged: false };
  return { status: 'IN_PROGRESS', regressed: recorded === 'COMPLETE' || recorded === 'VERIFIED', fingerprintChanged };
}

/**
 * Status of a provider or a multimodal capability: VERIFIED while the record
 * says so and it is still complete; COMPLETE when complete; IN_PROGRESS when
 * code exists or the record says work started (or was done, and regressed);
 * PLANNED otherwise — callers ask only about things with code, named in
 * `missingProviders`, or recorded in the state file.
 */
export function deriveLifecycleStatus(input: LifecycleStatusInput): Derived<LifecycleStatusValue> {
  const recorded = input.entry?.status;
  const wasDone = recorded === 'COMPLETE' || recorded === 'VERIFIED';
  const fingerprintChanged = verifiedFactsChanged(input.entry, input.fingerprint);
  if (input.complete) {
    return { status: recorded === 'VERIFIED' ? 'VERIFIED' : 'COMPLETE', regressed: false, fingerprintChanged };
  }
  if (input.codeExists || recorded === 'IN_PROGRESS' || wasDone) {
    return { status: 'IN_PROGRESS', regressed: wasDone, fingerprintChanged };
  }
  return { status: 'PLANNED', regressed: false, fingerprintChanged: false };
}

export const deriveProviderStatus = deriveLifecycleStatus;
export const deriveMultimodalStatus = deriveLifecycleStatus;

/** `state/regressed` on the package's anchor, for a package whose derived status has `regressed`. */
export function regressedFinding(
  packagePath: string,
  anchorFile: string,
  anchorRange: Range,
  previous: 'COMPLETE' | 'VERIFIED',
): Finding {
  return {
    rule: 'state/regressed',
    file: anchorFile,
    range: anchorRange,
    message:
      `${packagePath} is recorded as ${previous} in ${STATE_FILE} but is no longer FULL, so it counts as IN_PROGRESS: ` +
      `fix what this package's other diagnostics report${previous === 'VERIFIED' ? ' (it is VERIFIED again once FULL)' : ''}, ` +
      'or reopen it to record that work is in progress.',
  };
}
