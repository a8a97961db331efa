// zod schema of `.gocomply/state.json` (spec §8): what a person decided about
// the status of packages, providers and multimodal capabilities, and the
// transitions a person asks for to change it. Everything else about a status
// is derived from the code on every audit.
//
// Entries are strict objects: an unknown key (a typo such as "stauts") is an
// error rather than silently dropped, because a write re-serialises the parsed
// data and would otherwise lose what the person typed.
import { z } from 'zod';
import { LifecycleStatus } from './entities';

export const STATE_VERSION = 1;

const timestamp = z.iso.datetime({ offset: true });
const fingerprint = z.string().min(1);

/** A framework package's path, workspace-relative with forward slashes (`pkg/llms`). */
const packagePathText = z.string().regex(/^[^/\\][^\\]*$/, 'a package path is workspace-relative with forward slashes');
/** `<packagePath>/<providerName>`: the provider name is the last segment. */
const providerKeyText = z.string().regex(/^[^/\\][^\\]*\/[^/\\]+$/, 'a provider key is "<packagePath>/<providerName>"');

/** NOT_STARTED is never stored: it is the absence of an entry. */
export const StoredPackageStatus = z.enum(['IN_PROGRESS', 'COMPLETE', 'VERIFIED']);

export const PackageStateEntrySchema = z.strictObject({
  status: StoredPackageStatus,
  /** `packageFingerprint` of the package's facts when it was marked verified. */
  fingerprint: fingerprint.optional(),
  updatedAt: timestamp,
  note: z.string().optional(),
});

export const LifecycleStateEntrySchema = z.strictObject({
  status: LifecycleStatus,
  updatedAt: timestamp,
  fingerprint: fingerprint.optional(),
});

export const StateFileSchema = z.strictObject({
  version: z.literal(STATE_VERSION, { error: `unsupported version; this gocomply reads state files of version ${STATE_VERSION}` }),
  packages: z.record(packagePathText, PackageStateEntrySchema).default({}),
  providers: z.record(providerKeyText, LifecycleStateEntrySchema).default({}),
  multimodal: z.record(packagePathText, LifecycleStateEntrySchema).default({}),
});

export type StateFile = z.infer<typeof StateFileSchema>;
export type PackageStateEntry = z.infer<typeof PackageStateEntrySchema>;
export type LifecycleStateEntry = z.infer<typeof LifecycleStateEntrySchema>;
export type StoredPackageStatusValue = z.infer<typeof StoredPackageStatus>;

export function emptyState(): StateFile {
  return { version: STATE_VERSION, packages: {}, providers: {}, multimodal: {} };
}

/** Key of a provider in `providers`: `<packagePath>/<providerName>`. */
export function providerKey(packagePath: string, providerName: string): string {
  return `${packagePath}/${providerName}`;
}

// ---- Transitions a person asks for (spec §8) ---------------------------------
// Shared by the engine (which applies them) and the editor (which sends them
// over `gocomply/transition`).

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

type WithoutFingerprint<T> = T extends unknown ? Omit<T, 'fingerprint'> : never;

/**
 * A transition as the editor asks for it: without a fingerprint, which the
 * server computes from the facts it holds (the client's copy may be stale).
 */
export type EditorTransitionRequest = WithoutFingerprint<TransitionRequest>;

const note = z.string().optional();
const providerName = z.string().regex(/^[^/\\]+$/, 'a provider name is one path segment');

/** Checks an editor's request at the server's door; typed against EditorTransitionRequest so the two cannot drift apart. */
export const EditorTransitionRequestSchema: z.ZodType<EditorTransitionRequest> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start-alignment'), packagePath: packagePathText, note }),
  z.strictObject({ kind: z.literal('mark-verified'), packagePath: packagePathText, note }),
  z.strictObject({ kind: z.literal('reopen'), packagePath: packagePathText, note }),
  z.strictObject({ kind: z.literal('plan-provider'), packagePath: packagePathText, providerName }),
  z.strictObject({ kind: z.literal('start-provider'), packagePath: packagePathText, providerName }),
  z.strictObject({ kind: z.literal('mark-provider-verified'), packagePath: packagePathText, providerName }),
  z.strictObject({ kind: z.literal('plan-multimodal'), packagePath: packagePathText }),
  z.strictObject({ kind: z.literal('start-multimodal'), packagePath: packagePathText }),
  z.strictObject({ kind: z.literal('mark-multimodal-verified'), packagePath: packagePathText }),
]);
