// A fix plan as an LSP WorkspaceEdit: new files first (created, never
// overwritten), then the text edits, each against the document version the
// fix was computed from. With a confirmation label the edits carry a change
// annotation that makes VS Code show its refactor preview before applying.
import {
  AnnotatedTextEdit,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type ChangeAnnotation,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { PlannedFix } from '../engine/fixes/plan';
import type { FolderState } from './folders';

const ANNOTATION_ID = 'gocomply.preview';

export interface EditTarget {
  folder: FolderState;
  /** The open document's version for a workspace-relative path, null when the file is not open. */
  versionOf(file: string): number | null;
}

export function planToWorkspaceEdit(plan: PlannedFix, target: EditTarget, confirmation?: string): WorkspaceEdit {
  const annotation = confirmation === undefined ? undefined : ANNOTATION_ID;
  const edit = (range: TextEdit['range'], newText: string): TextEdit | AnnotatedTextEdit =>
    annotation === undefined ? TextEdit.replace(range, newText) : AnnotatedTextEdit.replace(range, newText, annotation);
  const creations = plan.creations.flatMap((creation) => {
    const uri = target.folder.uriOf(creation.file);
    const options = { overwrite: false, ignoreIfExists: true };
    return [
      annotation === undefined ? CreateFile.create(uri, options) : CreateFile.create(uri, options, annotation),
      TextDocumentEdit.create({ uri, version: null }, [edit({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, creation.content)]),
    ];
  });
  const changes = plan.changes.map(({ file, changes: fileChanges }) =>
    TextDocumentEdit.create(
      { uri: target.folder.uriOf(file), version: target.versionOf(file) },
      fileChanges.map((c) => edit(c.range, c.newText)),
    ),
  );
  const workspaceEdit: WorkspaceEdit = { documentChanges: [...creations, ...changes] };
  if (confirmation !== undefined) {
    const annotations: Record<string, ChangeAnnotation> = { [ANNOTATION_ID]: { label: confirmation, needsConfirmation: true } };
    workspaceEdit.changeAnnotations = annotations;
  }
  return workspaceEdit;
}
