// Open documents: their text (with its version) is what the engine analyses
// while they are open; on close the file is read from disk again, or dropped
// when it never reached the disk.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ChangeQueue } from './changes';
import type { Folders } from './folders';

export function trackDocuments(documents: TextDocuments<TextDocument>, folders: Folders, queue: ChangeQueue): void {
  // Fired on open and on every change.
  documents.onDidChangeContent(({ document }) => {
    const located = folders.locate(document.uri);
    if (!located || !located.rel.endsWith('.go')) return;
    queue.add(located.folder, { file: located.rel, kind: 'changed', text: document.getText(), version: document.version });
  });
  documents.onDidClose(({ document }) => {
    const located = folders.locate(document.uri);
    if (!located || !located.rel.endsWith('.go')) return;
    const onDisk = existsSync(path.join(located.folder.root, located.rel));
    queue.add(located.folder, { file: located.rel, kind: onDisk ? 'changed' : 'deleted' });
  });
}
