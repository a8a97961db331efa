// A fix plan as an LSP WorkspaceEdit: new files first (created, never
// overwritten), then the text edits, each against the document version the
// fix was computed from. Changes that carry a group (the parts of "align
// package") get one change annotation per group; VS Code then shows its
// refactor preview, with the groups that need confirmation unticked.
import {
  AnnotatedTextEdit,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type ChangeAnnotation,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { ChangeGroup, PlannedFix } from '../engine/fixes/plan';
import type { FolderState } from './folders';

export interface EditTarget {
  folder: FolderState;
  /** The open document's version for a workspace-relative path, null when the file is not open. */
  versionOf(file: string): number | null;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

class Annotations {
  readonly byId: Record<string, ChangeAnnotation> = {};
  private readonly ids = new Map<string, string>();

  idOf(group: ChangeGroup | undefined): string | undefined {
    if (group === undefined) return undefined;
    const key = `${group.label}\u0000${group.needsConfirmation}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `gocomply.${this.ids.size}`;
      this.ids.set(key, id);
      this.byId[id] = { label: group.label, needsConfirmation: group.needsConfirmation };
    }
    return id;
  }
}

function textEdit(range: Range, newText: string, annotation: string | undefined): TextEdit | AnnotatedTextEdit {
  return annotation === undefined ? TextEdit.replace(range, newText) : AnnotatedTextEdit.replace(range, newText, annotation);
}

export function planToWorkspaceEdit(plan: PlannedFix, target: EditTarget): WorkspaceEdit {
  const annotations = new Annotations();
  const creations = plan.creations.flatMap((creation) => {
    const uri = target.folder.uriOf(creation.file);
    const annotation = annotations.idOf(creation.group);
    const options = { overwrite: false, ignoreIfExists: true };
    return [
      annotation === undefined ? CreateFile.create(uri, options) : CreateFile.create(uri, options, annotation),
      TextDocumentEdit.create({ uri, version: null }, [textEdit(FILE_START, creation.content, annotation)]),
    ];
  });
  const changes = plan.changes.map(({ file, changes: fileChanges }) =>
    TextDocumentEdit.create(
      { uri: target.folder.uriOf(file), version: target.versionOf(file) },
      fileChanges.map((c) => textEdit(c.range, c.newText, annotations.idOf(c.group))),
    ),
  );
  const edit: WorkspaceEdit = { documentChanges: [...creations, ...changes] };
  if (Object.keys(annotations.byId).length > 0) edit.changeAnnotations = annotations.byId;
  return edit;
}
