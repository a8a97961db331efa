// Files the engine reads from disk, watched by the client: Go sources, module
// files, the settings and state files, the required files that are not Go
// (README.md), coverage profiles and benchmark outputs. Registered dynamically (and re-registered when the configured
// profile patterns change) when the client supports it.
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Disposable,
  type FileEvent,
} from 'vscode-languageserver';
import type { Settings } from '../../../common/schemas/settings';
import type { FileChange } from '../engine/engine';
import type { Folders, FolderState } from './folders';

const FIXED_PATTERNS = ['**/*.go', '**/go.mod', '**/go.work', '**/.gocomply.json', '**/.gocomply/state.json'];

/** Glob patterns for the client's watcher; profile patterns are relative to the root or a module root. */
export function watchedPatterns(settings: Settings[]): string[] {
  const configured = settings.flatMap((s) => [
    ...s.coverage.profiles,
    ...s.benchmarks.results,
    ...s.requiredFiles.filter((name) => !name.endsWith('.go')),
  ]);
  return [...new Set([...FIXED_PATTERNS, ...configured.map((p) => `**/${p.replace(/^\.\//, '')}`)])].sort();
}

export class FileWatchRegistration {
  private registered: { key: string; registration: Promise<Disposable> } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly supported: boolean,
  ) {}

  async update(patterns: string[]): Promise<void> {
    if (!this.supported) return;
    const key = patterns.join('\n');
    if (this.registered?.key === key) return;
    const previous = this.registered;
    const registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: patterns.map((globPattern) => ({ globPattern })),
    });
    this.registered = { key, registration };
    if (previous) (await previous.registration).dispose();
    await registration;
  }
}

export interface WatchedChange {
  folder: FolderState;
  change: FileChange;
}

const KINDS: Record<FileChangeType, FileChange['kind']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/**
 * Watched-file events as engine changes. Creations and changes of documents
 * open in the editor are left out: their text comes from the editor.
 */
export function watchedChanges(events: FileEvent[], folders: Folders, isOpen: (uri: string) => boolean): WatchedChange[] {
  const changes: WatchedChange[] = [];
  for (const event of events) {
    const located = folders.locate(event.uri);
    if (!located) continue;
    if (event.type !== FileChangeType.Deleted && isOpen(event.uri) && located.rel.endsWith('.go')) continue;
    changes.push({ folder: located.folder, change: { file: located.rel, kind: KINDS[event.type] } });
  }
  return changes;
}
