// Parsing the state file's text. A file that is not JSON or does not match the
// schema gives `state/invalid` findings on it, located like `config/invalid`
// (the offending key, else the file start), and is marked unreadable so no
// write ever replaces it.
import type { z } from 'zod';
import { emptyState, StateFileSchema, type StateFile } from '../../../../common/schemas/state';
import { locateKey } from '../config';
import type { Position, Range } from '../facts/types';
import { FILE_START, type Finding } from '../rules/finding';
import { STATE_FILE } from './paths';

export interface ReadStateResult {
  state: StateFile;
  findings: Finding[];
  /** False when the file exists but could not be read or parsed: it must not be overwritten. */
  readable: boolean;
}

const IGNORED = 'the file is ignored (statuses are derived from the code alone) and is not overwritten until fixed';

export function invalidStateFinding(range: Range, message: string): Finding {
  return { rule: 'state/invalid', file: STATE_FILE, range, message };
}

export function unreadableState(findings: Finding[]): ReadStateResult {
  return { state: emptyState(), findings, readable: false };
}

export function parseStateText(text: string): ReadStateResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unreadableState([invalidStateFinding(jsonErrorRange(text, reason), `${STATE_FILE} is not valid JSON (${reason}); ${IGNORED}.`)]);
  }
  const checked = StateFileSchema.safeParse(value);
  if (checked.success) return { state: checked.data, findings: [], readable: true };
  return unreadableState(checked.error.issues.map((issue) => issueFinding(text, issue)));
}

function issueFinding(text: string, issue: z.core.$ZodIssue): Finding {
  const path = issue.path.map(String);
  // An unknown key is reported on its parent; point at the key itself.
  const located = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
  return invalidStateFinding(locateKey(text, located), `${formatPath(path)}: ${issueMessage(issue)}; ${IGNORED}.`);
}

/** A bad record key's own message ("a provider key is …") rather than zod's generic "Invalid key in record". */
function issueMessage(issue: z.core.$ZodIssue): string {
  const keyProblem = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  return keyProblem === undefined ? issue.message : `invalid key: ${keyProblem}`;
}

/** `packages["pkg/llms"].status`: dots for identifiers, brackets for keys such as package paths. */
export function formatPath(path: readonly string[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${index === 0 ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`))
    .join('');
}

/** Where JSON.parse stopped, when its message says so; else the file start. */
function jsonErrorRange(text: string, reason: string): Range {
  const position = /at position (\d+)/.exec(reason)?.[1];
  let offset: number | undefined;
  if (position !== undefined) offset = Math.min(Number(position), text.length);
  else if (/end of JSON input/.test(reason)) offset = text.length;
  if (offset === undefined) return FILE_START;
  const start = positionAt(text, offset);
  return { start, end: offset < text.length ? { line: start.line, character: start.character + 1 } : start };
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
