// Applies a WorkspaceEdit to the disk the way VS Code does: resource
// operations in order (a `create` of an existing file is skipped with
// ignoreIfExists and refused without overwrite), then text edits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

function isCreateFile(change: NonNullable<WorkspaceEdit['documentChanges']>[number]): change is CreateFile {
  return 'kind' in change && change.kind === 'create';
}

function isTextDocumentEdit(change: NonNullable<WorkspaceEdit['documentChanges']>[number]): change is TextDocumentEdit {
  return 'textDocument' in change && 'edits' in change;
}

/** Applies `edit`; returns the absolute paths of the files it created or changed. */
export function applyEditToDisk(edit: WorkspaceEdit): string[] {
  const touched: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (isCreateFile(change)) {
      const file = fileURLToPath(change.uri);
      if (fs.existsSync(file)) {
        if (change.options?.ignoreIfExists) continue;
        if (!change.options?.overwrite) throw new Error(`create refused: ${file} exists`);
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      touched.push(file);
    } else if (isTextDocumentEdit(change)) {
      const file = fileURLToPath(change.textDocument.uri);
      const doc = TextDocument.create(change.textDocument.uri, 'go', 0, fs.readFileSync(file, 'utf8'));
      const edits = change.edits.flatMap((e) => ('newText' in e ? [e] : []));
      fs.writeFileSync(file, TextDocument.applyEdits(doc, edits));
      if (!touched.includes(file)) touched.push(file);
    } else {
      throw new Error(`unexpected resource operation ${JSON.stringify(change)}`);
    }
  }
  return touched;
}
