// What every fix produces: a plan of text changes to existing files and new
// files to create, computed from the engine's facts and the files' current
// text. The language server turns a plan into a WorkspaceEdit, the tests apply
// it to disk; neither needs to know which fix made it.
import type { Settings } from '../../../../common/schemas/settings';
import type { FileFacts, Range } from '../facts/types';
import type { PackageModel } from '../model/package';
import type { ModuleInfo } from './missingFile';

/** Which part of a larger edit a change belongs to, for the editor's refactor preview. */
export interface ChangeGroup {
  label: string;
  /** The preview shows the part unticked: the person opts in. */
  needsConfirmation: boolean;
}

/** Replace `range` (0-based line, UTF-16 column) of a file's current text with `newText`. */
export interface TextChange {
  range: Range;
  newText: string;
  group?: ChangeGroup;
}

export interface FileChanges {
  /** Workspace-relative path, forward slashes. */
  file: string;
  /** Non-overlapping changes, against the text `FixWorkspace.textOf` returned. */
  changes: TextChange[];
}

export interface NewFile {
  /** Workspace-relative path of a file that does not exist yet. */
  file: string;
  content: string;
  group?: ChangeGroup;
}

export interface PlannedFix {
  /** The action's title, as the lightbulb shows it. */
  title: string;
  changes: FileChanges[];
  creations: NewFile[];
  /** Local and free of choices: part of `source.fixAll.gocomply`. */
  safe: boolean;
  /** The part's name when combined into a larger edit; the title otherwise. */
  group?: string;
}

/** What a fix may read about the workspace. Paths are workspace-relative. */
export interface FixWorkspace {
  packages: PackageModel[];
  modules: ModuleInfo[];
  settings: Settings;
  /** The workspace's span starters (spec §3), configured and inferred. */
  spanStarters: ReadonlySet<string>;
  factsOf(file: string): FileFacts | undefined;
  /** The text the facts were computed from (the open document's, else the disk's); undefined when unreadable. */
  textOf(file: string): string | undefined;
  /** A file or folder exists on disk or as an open document. */
  exists(file: string): boolean;
  /** Names of the entries (files and folders) directly in `dir`, sorted; empty when it does not exist. */
  listDir(dir: string): string[];
}

/** One plan holding every change of `plans`; changes to the same file are merged in order. */
export function mergePlans(title: string, plans: PlannedFix[]): PlannedFix {
  const byFile = new Map<string, TextChange[]>();
  const creations = new Map<string, NewFile>();
  for (const plan of plans) {
    for (const { file, changes } of plan.changes) byFile.set(file, [...(byFile.get(file) ?? []), ...changes]);
    for (const creation of plan.creations) if (!creations.has(creation.file)) creations.set(creation.file, creation);
  }
  return {
    title,
    changes: [...byFile].map(([file, changes]) => ({ file, changes })),
    creations: [...creations.values()],
    safe: plans.every((p) => p.safe),
  };
}
