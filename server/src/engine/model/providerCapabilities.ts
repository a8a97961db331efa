// A provider's capabilities (spec §5), read from the names in its code.
//
// Decisions where the spec is silent: "handles tool calls" means a function,
// parameter, result or struct field whose name or type has the word `tool(s)`
// or the words `function call` (`ToolCall`, `[]goopenai.Tool`,
// `FunctionCall`); image, audio and video handling is what
// multimodalSignals.ts reads as declared media.
import type { ProviderExtension } from '../../../../common/schemas/entities';
import type { FileFacts } from '../facts/types';
import { functionTexts, mediaEvidence, nameWords } from './multimodalSignals';

type Capability = ProviderExtension['capabilities'][number];
type ProviderType = ProviderExtension['providerType'];

const CAPABILITY_ORDER: readonly Capability[] = ['TEXT', 'MULTIMODAL', 'STREAMING', 'FUNCTION_CALLING', 'VISION', 'AUDIO'];

function mentionsTools(text: string): boolean {
  const words = nameWords(text);
  return words.some((w, i) => w === 'tool' || w === 'tools' || (w === 'function' && /^call/.test(words[i + 1] ?? '')));
}

function handlesToolCalls(files: FileFacts[]): boolean {
  const funcTexts = files.flatMap((f) => f.funcs.flatMap(functionTexts));
  const fieldTexts = files.flatMap((f) => f.types.flatMap((t) => t.fields.flatMap((field) => [field.name, field.type])));
  return files.some((f) => f.funcs.some((func) => func.name === 'BindTools')) || [...funcTexts, ...fieldTexts].some(mentionsTools);
}

function streams(files: FileFacts[]): boolean {
  return files.some((f) => f.funcs.some((func) => func.exported && func.name.includes('Stream')));
}

/** TEXT comes with the provider type (LLM, EMBEDDING); everything else from the code. */
export function typeCapabilities(providerType: ProviderType): Capability[] {
  return providerType === 'LLM' || providerType === 'EMBEDDING' ? ['TEXT'] : [];
}

export function providerCapabilities(providerType: ProviderType, files: FileFacts[]): Capability[] {
  const found = new Set<Capability>(typeCapabilities(providerType));
  if (streams(files)) found.add('STREAMING');
  if (handlesToolCalls(files)) found.add('FUNCTION_CALLING');
  const media = mediaEvidence(files).declared;
  if (media.has('IMAGE')) found.add('VISION');
  if (media.has('AUDIO')) found.add('AUDIO');
  if (media.size > 0) found.add('MULTIMODAL');
  return CAPABILITY_ORDER.filter((c) => found.has(c));
}
