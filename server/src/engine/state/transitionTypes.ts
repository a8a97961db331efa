// The transitions a person can ask for (editor commands, engine API) and what
// applying one needs to know. Kept apart so the package and lifecycle halves
// share them without importing each other.
import type { StateFile } from '../../../../common/schemas/state';
import type { CompletionStatusValue, LifecycleStatusValue } from './derive';

export type PackageTransitionRequest =
  | { kind: 'start-alignment'; packagePath: string; note?: string }
  | { kind: 'mark-verified'; packagePath: string; fingerprint: string; note?: string }
  /** COMPLETE/VERIFIED -> IN_PROGRESS "if issues found": withdraws what was recorded. */
  | { kind: 'reopen'; packagePath: string; note?: string };

export type ProviderTransitionRequest =
  | { kind: 'plan-provider'; packagePath: string; providerName: string }
  | { kind: 'start-provider'; packagePath: string; providerName: string }
  | { kind: 'mark-provider-verified'; packagePath: string; providerName: string; fingerprint?: string };

export type MultimodalTransitionRequest =
  | { kind: 'plan-multimodal'; packagePath: string }
  | { kind: 'start-multimodal'; packagePath: string }
  | { kind: 'mark-multimodal-verified'; packagePath: string; fingerprint?: string };

export type LifecycleTransitionRequest = ProviderTransitionRequest | MultimodalTransitionRequest;
export type TransitionRequest = PackageTransitionRequest | LifecycleTransitionRequest;
export type TransitionKind = TransitionRequest['kind'];

/** The current derived statuses (what the audit shows), and the time to record. */
export interface TransitionFacts {
  /** ISO 8601 time written into `updatedAt`; passed in so transitions stay pure. */
  now: string;
  /** completionStatus of every framework package of the workspace, by package path. */
  packages: Readonly<Record<string, CompletionStatusValue>>;
  /**
   * Status of every provider with code, named in `missingProviders` or recorded,
   * by `providerKey`. A provider missing here is taken to have no code.
   */
  providers: Readonly<Record<string, LifecycleStatusValue>>;
  /** Multimodal status of packages that show multimodal capability or are recorded, by package path. */
  multimodal: Readonly<Record<string, LifecycleStatusValue>>;
}

export type TransitionResult = { ok: true; state: StateFile } | { ok: false; message: string };

export function refuse(message: string): TransitionResult {
  return { ok: false, message };
}

/** `From STATUS you can: "a", "b".` — or what happens by itself when nothing can be asked. */
export function allowedText(status: string, kinds: readonly TransitionKind[], byItself: string): string {
  if (kinds.length === 0) return `Nothing can be requested from ${status}: ${byItself}.`;
  return `From ${status} you can: ${kinds.map((kind) => `"${kind}"`).join(', ')}.`;
}
