// Whether an API belongs to the text-only workflows that multimodal work must
// keep working (spec §6 `textOnlyWorkflowsSupported`): APIs that take or return
// text messages or documents. Decided from words in names and type texts
// (`schema.Message`, `[]Document`, `ChatModel`, `GenerateText`, `SystemPrompt`)
// and from `string` parameters named like a prompt (`prompt string`,
// `query string`). `Context` is not `Text`: words are split on case, so
// `context.Context` never matches.

import { memoizeText } from './textMemo';

const TEXT_WORDS = new Set(['message', 'messages', 'msg', 'msgs', 'document', 'documents', 'prompt', 'prompts', 'chat', 'text', 'texts']);
const PROMPT_PARAM = /^(prompt|text|message|msg|query|input|content|question|instruction|system)s?$/i;
const IDENTIFIER = /[\p{L}_][\p{L}\p{Nd}_]*/gu;
const CASE_WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?[\p{Ll}\p{Nd}]+/gu;

function words(text: string): string[] {
  return (text.match(IDENTIFIER) ?? []).flatMap((identifier) => identifier.match(CASE_WORD) ?? []).map((word) => word.toLowerCase());
}

/** True when a name or a type text names text messages, documents or prompts. */
export const mentionsText = memoizeText((text: string): boolean => words(text).some((word) => TEXT_WORDS.has(word)));

export function isPromptParamName(name: string): boolean {
  return PROMPT_PARAM.test(name);
}

/** Names and type texts of a changed API, plus the names of its `string` parameters. */
export function touchesTextWorkflow(texts: (string | undefined)[], stringParamNames: string[] = []): boolean {
  return texts.some((text) => text !== undefined && mentionsText(text)) || stringParamNames.some(isPromptParamName);
}
