// The transitions a person can ask for (editor commands, engine API) and what
// applying one needs to know. Kept apart so the package and lifecycle halves
// share them without importing each other. The request types live in
// common/schemas/state.ts, where the editor's protocol shares them.
import type { StateFile, TransitionKind } from '../../../../common/schemas/state';
import type { CompletionStatusValue, LifecycleStatusValue } from './derive';

export type {
  LifecycleTransitionRequest,
  MultimodalTransitionRequest,
  PackageTransitionRequest,
  ProviderTransitionRequest,
  TransitionKind,
  TransitionRequest,
} from '../../../../common/schemas/state';

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
