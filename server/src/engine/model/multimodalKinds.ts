// The kind-specific parts of MultimodalCapability (spec §6): embedding,
// vector-store and agent support.
//
// Decisions where the spec is silent:
//  - The kind comes from `providers.types` (EMBEDDING, VECTOR_STORE) or the
//    package's first path segment (`embeddings`, `vectorstores`, `agents`).
//  - embeddingDimensions: integer constants and config defaults whose name has
//    the word dim/dims/dimension(s), keyed by the data type the name names; a
//    name that names none (`Dimensions`) is the TEXT one. Files of the package
//    folder come first; the first value for a data type wins.
//  - Modality-tagged vectors: a struct field called Modality, DataType,
//    MediaType, MIMEType or ContentType, or an exported Add/Store/Upsert/
//    Insert/Index function naming a medium. Multimodal search: an exported
//    function whose name says search/query/similarity/retrieve and whose name
//    or parameters name a medium or say multimodal.
//  - Index types: constants whose string value, or whose name's ending, is a
//    known index type (HNSW, IVFFlat, IVFPQ, Flat, DiskANN, ScaNN, LSH, Annoy).
import type { MultimodalCapability } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { FileFacts, FuncFact } from '../facts/types';
import { dirOf } from '../workspace/walk';
import { resolveParts, type ConstIndex } from './metrics';
import { mediaOfText, nameWords, saysMultimodal, type MediaType } from './multimodalSignals';
import { defaultValuesOf, packageConfigStruct } from './providerConfig';
import type { PackageView } from './view';

export type PackageKind = 'embeddings' | 'vectorstores' | 'agents';
type KindSupport = Pick<MultimodalCapability, 'embeddingSupport' | 'vectorStoreSupport' | 'agentSupport'>;

export function packageKind(packageName: string, settings: Settings): PackageKind | undefined {
  const type = settings.providers.types[packageName];
  const first = packageName.split('/')[0];
  if (type === 'EMBEDDING' || first === 'embeddings') return 'embeddings';
  if (type === 'VECTOR_STORE' || first === 'vectorstores') return 'vectorstores';
  return first === 'agents' ? 'agents' : undefined;
}

export interface KindContext {
  view: PackageView;
  /** Production files, the package folder's first. */
  files: [string, FileFacts][];
  consts: ConstIndex;
}

const exportedFuncs = (context: KindContext): FuncFact[] => context.files.flatMap(([, f]) => f.funcs.filter((func) => func.exported));
const DIMENSION_WORDS = new Set(['dim', 'dims', 'dimension', 'dimensions']);

function dataTypeOfName(name: string): MultimodalCapability['supportedDataTypes'][number] | undefined {
  if (!nameWords(name).some((w) => DIMENSION_WORDS.has(w))) return undefined;
  const media = [...mediaOfText(name)][0];
  return media ?? 'TEXT';
}

function embeddingDimensions(context: KindContext): Record<string, number> {
  const dimensions: Record<string, number> = {};
  const add = (name: string, value: unknown) => {
    const type = dataTypeOfName(name);
    if (type !== undefined && typeof value === 'number' && Number.isInteger(value) && dimensions[type] === undefined) dimensions[type] = value;
  };
  for (const [, facts] of context.files) for (const c of facts.consts) add(c.name, c.number);
  const config = packageConfigStruct(context.view);
  if (config) for (const [name, value] of Object.entries(defaultValuesOf(context.view, config))) add(name, value);
  return dimensions;
}

function embedsMedia(funcs: FuncFact[], media: MediaType): boolean {
  return funcs.some((f) => nameWords(f.name)[0] === 'embed' && mediaOfText(f.name).has(media));
}

function embeddingSupport(context: KindContext): NonNullable<MultimodalCapability['embeddingSupport']> {
  const funcs = exportedFuncs(context);
  return {
    supportsImageEmbedding: embedsMedia(funcs, 'IMAGE'),
    supportsVideoEmbedding: embedsMedia(funcs, 'VIDEO'),
    embeddingDimensions: embeddingDimensions(context),
  };
}

const MODALITY_FIELDS = new Set(['modality', 'datatype', 'mediatype', 'mimetype', 'contenttype']);
const STORE_VERBS = new Set(['add', 'store', 'upsert', 'insert', 'index']);
const SEARCH_WORDS = new Set(['search', 'query', 'similarity', 'retrieve']);
// Longest first, so that a name ending in IVFFlat is not read as Flat.
const INDEX_TYPES = ['IVFFlat', 'DiskANN', 'IVFPQ', 'Annoy', 'ScaNN', 'HNSW', 'Flat', 'LSH'];

const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function indexTypeOf(name: string, value: string | undefined): string | undefined {
  const byValue = value === undefined ? undefined : INDEX_TYPES.find((t) => compact(t) === compact(value));
  return byValue ?? INDEX_TYPES.find((t) => compact(name).endsWith(compact(t)));
}

function indexTypes(context: KindContext): string[] {
  const found = new Set<string>();
  for (const [file, facts] of context.files) {
    for (const c of facts.consts) {
      const value = c.parts ? resolveParts(c.parts, context.consts.get(dirOf(file))) : undefined;
      const type = indexTypeOf(c.name, value);
      if (type !== undefined) found.add(type);
    }
  }
  return [...found].sort();
}

function vectorStoreSupport(context: KindContext): NonNullable<MultimodalCapability['vectorStoreSupport']> {
  const funcs = exportedFuncs(context);
  const tagged = context.files.some(([, f]) => f.types.some((t) => t.fields.some((field) => MODALITY_FIELDS.has(compact(field.name)))));
  const stores = funcs.some((f) => STORE_VERBS.has(nameWords(f.name)[0] ?? '') && mediaOfText(f.name).size > 0);
  const searches = funcs.some((f) => {
    if (!nameWords(f.name).some((w) => SEARCH_WORDS.has(w))) return false;
    const texts = [f.name, ...f.params.flatMap((p) => [p.name ?? '', p.type])];
    return texts.some((t) => mediaOfText(t).size > 0 || saysMultimodal(t));
  });
  return { supportsMultimodalVectors: tagged || stores, supportsMultimodalSearch: searches, indexTypes: indexTypes(context) };
}

function agentSupport(context: KindContext): NonNullable<MultimodalCapability['agentSupport']> {
  const funcs = exportedFuncs(context);
  const paramTexts = funcs.flatMap((f) => f.params.flatMap((p) => [p.name ?? '', p.type]));
  const resultTexts = funcs.flatMap((f) => f.results);
  const inputMedia = new Set(paramTexts.flatMap((t) => [...mediaOfText(t)]));
  return {
    supportsMultimodalInput: inputMedia.size > 0 || paramTexts.some(saysMultimodal),
    supportsMultimodalOutput: resultTexts.some((t) => mediaOfText(t).size > 0 || saysMultimodal(t)),
    supportedInputTypes: ['TEXT', ...(['IMAGE', 'AUDIO', 'VIDEO'] as const).filter((m) => inputMedia.has(m))],
  };
}

export function kindSupport(kind: PackageKind | undefined, context: KindContext): KindSupport {
  if (kind === 'embeddings') return { embeddingSupport: embeddingSupport(context) };
  if (kind === 'vectorstores') return { vectorStoreSupport: vectorStoreSupport(context) };
  if (kind === 'agents') return { agentSupport: agentSupport(context) };
  return {};
}

/** True when the kind-specific support shows something multimodal. */
export function kindShowsMultimodal(support: KindSupport): boolean {
  const e = support.embeddingSupport;
  const v = support.vectorStoreSupport;
  const a = support.agentSupport;
  return (
    e?.supportsImageEmbedding === true ||
    e?.supportsVideoEmbedding === true ||
    v?.supportsMultimodalVectors === true ||
    v?.supportsMultimodalSearch === true ||
    a?.supportsMultimodalInput === true ||
    a?.supportsMultimodalOutput === true
  );
}
