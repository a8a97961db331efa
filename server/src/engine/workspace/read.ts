// Reading source files defensively: size limit, encoding, binary content.
// Trouble becomes a notice; nothing here throws.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Notice } from '../../../../common/schemas/report';

export interface ReadResult {
  text?: string;
  notices: Notice[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export function decodeSource(bytes: Uint8Array, file: string): ReadResult {
  const notices: Notice[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    notices.push({ file, message: 'not valid UTF-8: invalid bytes were read as U+FFFD' });
  }
  if (text.includes('\u0000')) notices.push({ file, message: 'contains NUL bytes (binary content?): analysed as far as it parses' });
  return { text, notices };
}

export async function readSource(root: string, file: string, size: number, maxBytes: number): Promise<ReadResult> {
  if (size > maxBytes) {
    return { notices: [{ file, message: `skipped: ${size} bytes is over maxFileBytes (${maxBytes})` }] };
  }
  try {
    return decodeSource(await fs.readFile(path.join(root, file)), file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { notices: [{ file, message: `unreadable: ${reason}` }] };
  }
}

export async function readTextIfExists(absolute: string): Promise<string | undefined> {
  try {
    return await fs.readFile(absolute, 'utf8');
  } catch {
    return undefined;
  }
}
