// MultimodalCapability and the PackageCompliance multimodalSupport flags (spec §6).
//
// Decisions where the spec is silent:
//  - A package "shows" multimodal support when its production code names an
//    image, audio or video medium (multimodalSignals.ts) or its kind-specific
//    support finds something multimodal (multimodalKinds.ts); otherwise
//    `multimodal` is null.
//  - TEXT is always supported and always implemented. Another data type is
//    implemented when a type is named after it and a function with a body
//    handles it (by name, parameters or results): COMPLETE when every listed
//    type is, and nothing breaks; IN_PROGRESS otherwise.
//  - Schema extensions: exported structs with at least one named field that
//    embed a struct declared somewhere in the workspace (an embedded type from
//    another module cannot be told from an interface, so it is left out).
//  - multimodalSupport mirrors the capability: a flag per listed data type
//    (voice = AUDIO), COMPLETE for COMPLETE/VERIFIED, PARTIAL for IN_PROGRESS.
//    Packages in `multimodalExpected` that show nothing get all flags false and
//    NOT_SUPPORTED; other such packages get null.
import type { MultimodalCapability, PackageCompliance } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { FileFacts } from '../facts/types';
import { dirOf } from '../workspace/walk';
import type { ConstIndex } from './metrics';
import { kindShowsMultimodal, kindSupport, packageKind } from './multimodalKinds';
import { MEDIA_TYPES, mediaEvidence } from './multimodalSignals';
import type { PackageView } from './view';

type MultimodalSupport = NonNullable<PackageCompliance['multimodalSupport']>;
type SchemaExtension = MultimodalCapability['schemaExtensions'][number];

export interface MultimodalInputs {
  consts: ConstIndex;
  /** Struct type names declared in the workspace's production code. */
  structNames: ReadonlySet<string>;
}

/** What the compatibility check found; its seam into the multimodal entity. */
export interface CompatibilityFindings {
  breakingChanges: string[];
  /** False when a breaking change touches an API taking or returning text messages or documents. */
  textOnlyWorkflowsSupported: boolean;
}

export const NO_BREAKING_CHANGES: CompatibilityFindings = { breakingChanges: [], textOnlyWorkflowsSupported: true };

function schemaExtensions(files: FileFacts[], structNames: ReadonlySet<string>): SchemaExtension[] {
  return files.flatMap((facts) =>
    facts.types.flatMap((type): SchemaExtension[] => {
      if (type.kind !== 'struct' || !type.exported) return [];
      const base = type.fields.find((f) => f.embedded && structNames.has(f.name));
      const fields = type.fields.filter((f) => !f.embedded).map((f) => ({ name: f.name, type: f.type }));
      return base && fields.length > 0 ? [{ typeName: type.name, baseType: base.name, fields }] : [];
    }),
  );
}

/** Production files, those of the package folder first. */
function orderedFiles(view: PackageView): [string, FileFacts][] {
  const files = view.productionFiles.flatMap((file): [string, FileFacts][] => {
    const facts = view.facts(file);
    return facts ? [[file, facts]] : [];
  });
  const inFolder = (file: string) => (dirOf(file) === view.pkg.dir ? 0 : 1);
  return files.sort(([a], [b]) => inFolder(a) - inFolder(b));
}

export function computeMultimodal(
  view: PackageView,
  settings: Settings,
  inputs: MultimodalInputs,
  compat: CompatibilityFindings = NO_BREAKING_CHANGES,
): MultimodalCapability | null {
  const files = orderedFiles(view);
  const facts = files.map(([, f]) => f);
  const evidence = mediaEvidence(facts);
  const support = kindSupport(packageKind(view.pkg.name, settings), { view, files, consts: inputs.consts });
  if (evidence.declared.size === 0 && !kindShowsMultimodal(support)) return null;
  const media = MEDIA_TYPES.filter((m) => evidence.declared.has(m));
  const implemented = media.every((m) => evidence.types.has(m) && evidence.handlers.has(m));
  const { breakingChanges, textOnlyWorkflowsSupported } = compat;
  return {
    packageName: view.pkg.name,
    supportedDataTypes: ['TEXT', ...media],
    schemaExtensions: schemaExtensions(facts, inputs.structNames),
    ...support,
    backwardCompatibility: { textOnlyWorkflowsSupported, breakingChanges, migrationRequired: breakingChanges.length > 0 },
    status: implemented && breakingChanges.length === 0 ? 'COMPLETE' : 'IN_PROGRESS',
  };
}

export function multimodalSupportOf(capability: MultimodalCapability | null, expected: boolean): MultimodalSupport | null {
  if (capability === null) {
    return expected ? { hasImageSupport: false, hasVoiceSupport: false, hasVideoSupport: false, status: 'NOT_SUPPORTED' } : null;
  }
  const types = new Set(capability.supportedDataTypes);
  const status = capability.status === 'COMPLETE' || capability.status === 'VERIFIED' ? 'COMPLETE' : capability.status === 'IN_PROGRESS' ? 'PARTIAL' : 'NOT_SUPPORTED';
  return { hasImageSupport: types.has('IMAGE'), hasVoiceSupport: types.has('AUDIO'), hasVideoSupport: types.has('VIDEO'), status };
}
