// What code says about media (spec §5 capabilities, §6 data types): the words
// of its names, and MIME literals.
//
// Decisions where the spec is silent: names are split into words
// (`EmbedImages` -> embed, images; `MIMEType` -> mime, type), so `Imagine` or
// `Voicemail` do not count. IMAGE words are image(s) and vision; AUDIO words
// audio, voice(s) and speech; VIDEO words video(s). Package qualifiers are
// dropped from type names (`voice.Session` says nothing about audio).
import { memoizeText } from '../compat/textMemo';
import type { FileFacts, FuncFact, TypeFact } from '../facts/types';

export type MediaType = 'IMAGE' | 'AUDIO' | 'VIDEO';
export const MEDIA_TYPES: readonly MediaType[] = ['IMAGE', 'AUDIO', 'VIDEO'];

const MEDIA_WORDS: Record<string, MediaType> = {
  image: 'IMAGE',
  images: 'IMAGE',
  vision: 'IMAGE',
  audio: 'AUDIO',
  voice: 'AUDIO',
  voices: 'AUDIO',
  speech: 'AUDIO',
  video: 'VIDEO',
  videos: 'VIDEO',
};

const MIME_PREFIX: Record<string, MediaType> = { image: 'IMAGE', audio: 'AUDIO', video: 'VIDEO' };

/**
 * Lower-case words of identifiers in `text` (a name or a type as written), package qualifiers dropped.
 * Memoised (names and types repeat across a workspace): the result is shared, hence read-only.
 */
export const nameWords = memoizeText((text: string): readonly string[] => {
  const unqualified = text.replace(/\b[A-Za-z_]\w*\./g, '');
  return (unqualified.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) => w.toLowerCase());
});

/** Media named by the words of `text`; memoised and shared, hence read-only. */
export const mediaOfText = memoizeText((text: string): ReadonlySet<MediaType> => {
  const found = new Set<MediaType>();
  for (const word of nameWords(text)) {
    const media = MEDIA_WORDS[word];
    if (media) found.add(media);
  }
  return found;
});

/** True when the words say "multimodal" (`Multimodal`, `MultiModal`, `multi_modal`). */
export function saysMultimodal(text: string): boolean {
  const words = nameWords(text);
  return words.includes('multimodal') || words.some((w, i) => w === 'multi' && words[i + 1] === 'modal');
}

/** The names and types a function shows: its receiver type, name, parameter names and types, result types. */
export function functionTexts(func: FuncFact): string[] {
  return [func.receiverType ?? '', func.name, ...func.params.flatMap((p) => [p.name ?? '', p.type]), ...func.results];
}

function typeTexts(type: TypeFact): string[] {
  return [
    type.name,
    ...type.fields.flatMap((f) => [f.name, f.type]),
    ...type.methods.flatMap((m) => [m.name, m.signature]),
  ];
}

export interface MediaEvidence {
  /** Media named anywhere: types, fields, functions, interface methods, MIME literals. */
  declared: Set<MediaType>;
  /** Media a declared type is named after (`Image`, `AudioChunk`, `VoiceOptions`). */
  types: Set<MediaType>;
  /** Media a function with a body handles: by its name, parameters or results. */
  handlers: Set<MediaType>;
}

function addAll(target: Set<MediaType>, source: Iterable<MediaType>): void {
  for (const media of source) target.add(media);
}

export function mediaEvidence(files: FileFacts[]): MediaEvidence {
  const evidence: MediaEvidence = { declared: new Set(), types: new Set(), handlers: new Set() };
  for (const facts of files) {
    for (const type of facts.types) {
      addAll(evidence.types, mediaOfText(type.name));
      for (const text of typeTexts(type)) addAll(evidence.declared, mediaOfText(text));
    }
    for (const func of facts.funcs) {
      const handled = functionTexts(func).flatMap((text) => [...mediaOfText(text)]);
      addAll(evidence.declared, handled);
      if (func.bodyRange !== undefined) addAll(evidence.handlers, handled);
    }
    for (const mime of facts.mimeLiterals) {
      const media = MIME_PREFIX[mime.slice(0, mime.indexOf('/'))];
      if (media) evidence.declared.add(media);
    }
  }
  addAll(evidence.declared, evidence.types);
  return evidence;
}
