// Everything custom between the gocomply client and server, typed both ways.
// Method names are prefixed `gocomply/`; each line says who sends it.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { PackageCompliance } from './schemas/entities';
import type { Notice } from './schemas/report';
import type { EditorTransitionRequest } from './schemas/state';

/** client -> server, at initialize. */
export interface GocomplyInitializationOptions {
  /** False in an untrusted workspace: the server then runs no program (git) from it. */
  trusted: boolean;
  /** The extension's workspace storage, for the fact cache; absent without a workspace. */
  cacheDir?: string;
}

export type ServerState = 'indexing' | 'ready' | 'error';

export interface StatusParams {
  state: ServerState;
  /** Human-readable detail: what is being indexed, or the error. */
  message?: string;
  folders: number;
  files: number;
  packages: number;
  diagnostics: number;
  /** Mean package score over all folders, null before the first analysis or with no package. */
  score: number | null;
  /** Increases with every published analysis, so a test can wait for "the next one". */
  generation: number;
}

/** server -> client: indexing progress and results; drives the status bar and tree refresh. */
export const StatusNotification = new NotificationType<StatusParams>('gocomply/status');

export interface TreeFolder {
  uri: string;
  name: string;
  /** Packages with their diagnostics stripped (the Problems panel has those). */
  packages: Omit<PackageCompliance, 'diagnostics'>[];
  spanStarters: string[];
  notices: Notice[];
}

export interface TreeResult {
  folders: TreeFolder[];
  generation: number;
}

/** client -> server: the compliance model of every workspace folder, for the tree. */
export const TreeRequest = new RequestType<Record<string, never>, TreeResult, void>('gocomply/tree');

export type ReportFormat = 'json' | 'markdown' | 'sarif';

export interface ReportParams {
  /** Workspace folder URI; the first folder when absent. */
  folderUri?: string;
  format: ReportFormat;
}

/** client -> server: a report of one folder, as the CLI would write it. */
export const ReportRequest = new RequestType<ReportParams, { content: string }, void>('gocomply/report');

/** client -> server: re-index every folder from disk. */
export const ReindexRequest = new RequestType<Record<string, never>, void, void>('gocomply/reindex');

export interface TransitionParams {
  /** The workspace folder whose `.gocomply/state.json` records the transition. */
  folderUri: string;
  request: EditorTransitionRequest;
}

/** Refused: the state file is unchanged and `message` says why and what is allowed instead. */
export type TransitionResponse = { ok: true } | { ok: false; message: string };

/** client -> server: applies a person's status transition (start alignment, mark verified, plan provider, ...) to the state file. */
export const StateTransitionRequest = new RequestType<TransitionParams, TransitionResponse, void>('gocomply/transition');

/** What to do to one package: align it with the standard, or add a provider to it. */
export type PackageOperation = { kind: 'align' } | { kind: 'add-provider'; providerName: string };

export interface PackageEditParams {
  folderUri: string;
  packagePath: string;
  operation: PackageOperation;
}

/**
 * `applied`: the client applied the edit (after its refactor preview, for
 * align); `openUri`: a file worth showing next (the new provider). Not ok: nothing
 * was written and `message` says why.
 */
export type PackageEditResponse =
  | { ok: true; applied: boolean; title: string; openUri?: string }
  | { ok: false; message: string };

/**
 * client -> server: computes the package's edit and asks the client to apply it
 * (`workspace/applyEdit`); adding a provider also records it PLANNED then
 * IN_PROGRESS in the state file once the edit is applied.
 */
export const PackageEditRequest = new RequestType<PackageEditParams, PackageEditResponse, void>('gocomply/packageEdit');
