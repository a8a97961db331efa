// MultimodalCapability and multimodalSupport (spec §6). Expected values follow
// from the fixtures' code (see their FIXTURE.md) and from snippets written here.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MultimodalCapabilitySchema, type MultimodalCapability, type PackageCompliance } from '../../common/schemas/entities';
import { defaultSettings } from '../../common/schemas/settings';
import type { Report } from '../../common/schemas/report';
import { buildConstIndex } from '../../server/src/engine/model/metrics';
import { computeMultimodal, multimodalSupportOf } from '../../server/src/engine/model/multimodal';
import type { PackageView } from '../../server/src/engine/model/view';
import { useParser } from './facts-support';
import { auditFixture, auditValid, EXAMPLES_DIR, findPackage } from './helpers/fixtures';

const parser = useParser();

function capabilityOf(pkg: PackageCompliance): MultimodalCapability {
  assert.ok(pkg.multimodal, `${pkg.packageName} shows no multimodal support`);
  return pkg.multimodal;
}

const NOT_BROKEN = { textOnlyWorkflowsSupported: true, breakingChanges: [], migrationRequired: false };

describe('data types, schema extensions and status (multimodal-schema)', () => {
  let report: Report;
  before(async () => {
    report = await auditFixture('multimodal-schema');
  });

  it('lists the media schema names and the structs extending BaseMessage', () => {
    const schema = capabilityOf(findPackage(report, 'schema'));
    assert.deepEqual(schema.supportedDataTypes, ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO']);
    // Tagged adds no field, draft is unexported, Named embeds an interface.
    assert.deepEqual(schema.schemaExtensions, [
      { typeName: 'ImageMessage', baseType: 'BaseMessage', fields: [{ name: 'ImageURL', type: 'string' }, { name: 'MIMEType', type: 'string' }] },
      { typeName: 'VoiceMessage', baseType: 'BaseMessage', fields: [{ name: 'Audio', type: '[]byte' }, { name: 'SampleRate', type: 'int' }] },
      { typeName: 'VideoMessage', baseType: 'BaseMessage', fields: [{ name: 'Frames', type: '[][]byte' }] },
    ]);
    assert.deepEqual(schema.backwardCompatibility, NOT_BROKEN);
    assert.equal(schema.embeddingSupport, undefined);
  });

  it('is IN_PROGRESS while no function handles VideoMessage, and says so in multimodalSupport and priorities', () => {
    const pkg = findPackage(report, 'schema');
    assert.equal(capabilityOf(pkg).status, 'IN_PROGRESS');
    assert.deepEqual(pkg.multimodalSupport, { hasImageSupport: true, hasVoiceSupport: true, hasVideoSupport: true, status: 'PARTIAL' });
    assert.ok(pkg.alignmentPriorities.includes('MULTIMODAL_CAPABILITIES'));
  });

  it('makes loaders COMPLETE: ImageFile and LoadImage', () => {
    const pkg = findPackage(report, 'loaders');
    assert.deepEqual(capabilityOf(pkg).supportedDataTypes, ['TEXT', 'IMAGE']);
    assert.equal(capabilityOf(pkg).status, 'COMPLETE');
    assert.deepEqual(pkg.multimodalSupport, { hasImageSupport: true, hasVoiceSupport: false, hasVideoSupport: false, status: 'COMPLETE' });
    assert.ok(!pkg.alignmentPriorities.includes('MULTIMODAL_CAPABILITIES'));
  });

  it('reads a MIME literal alone as a medium without an implementation', () => {
    const storage = capabilityOf(findPackage(report, 'storage'));
    assert.deepEqual(storage.supportedDataTypes, ['TEXT', 'VIDEO']);
    assert.equal(storage.status, 'IN_PROGRESS');
  });

  it('shows nothing for a text-only package that is not expected to be multimodal', () => {
    const prompts = findPackage(report, 'prompts');
    assert.equal(prompts.multimodal, null);
    assert.equal(prompts.multimodalSupport, null);
  });
});

describe('embedding, vector-store and agent support (multimodal-kinds)', () => {
  let report: Report;
  before(async () => {
    report = await auditFixture('multimodal-kinds');
  });

  it('reads embeddings: image and video embedding, dimensions by data type', () => {
    const pkg = findPackage(report, 'embeddings');
    const embeddings = capabilityOf(pkg);
    assert.deepEqual(embeddings.embeddingSupport, {
      supportsImageEmbedding: true,
      supportsVideoEmbedding: true,
      embeddingDimensions: { IMAGE: 512, VIDEO: 0x580, TEXT: 1024 },
    });
    assert.deepEqual(embeddings.supportedDataTypes, ['TEXT', 'IMAGE', 'VIDEO']);
    assert.equal(embeddings.status, 'COMPLETE');
    assert.equal(embeddings.vectorStoreSupport, undefined);
    assert.ok(!pkg.alignmentPriorities.includes('MULTIMODAL_CAPABILITIES'));
  });

  it('reads vectorstores: modality-tagged records, search by image, index types from constants', () => {
    const vectorstores = capabilityOf(findPackage(report, 'vectorstores'));
    assert.deepEqual(vectorstores.vectorStoreSupport, {
      supportsMultimodalVectors: true,
      supportsMultimodalSearch: true,
      indexTypes: ['Flat', 'HNSW', 'IVFFlat'],
    });
    // SearchByImage handles images, but no type is named after them.
    assert.deepEqual(vectorstores.supportedDataTypes, ['TEXT', 'IMAGE']);
    assert.equal(vectorstores.status, 'IN_PROGRESS');
  });

  it('reads agents: an image parameter and an audio result', () => {
    const agents = capabilityOf(findPackage(report, 'agents'));
    assert.deepEqual(agents.agentSupport, { supportsMultimodalInput: true, supportsMultimodalOutput: true, supportedInputTypes: ['TEXT', 'IMAGE'] });
    assert.deepEqual(agents.supportedDataTypes, ['TEXT', 'IMAGE', 'AUDIO']);
    assert.equal(agents.status, 'COMPLETE');
  });

  it('marks an expected but text-only package NOT_SUPPORTED, with the priority', () => {
    const retrievers = findPackage(report, 'retrievers');
    assert.equal(retrievers.multimodal, null);
    assert.deepEqual(retrievers.multimodalSupport, { hasImageSupport: false, hasVoiceSupport: false, hasVideoSupport: false, status: 'NOT_SUPPORTED' });
    assert.ok(retrievers.alignmentPriorities.includes('MULTIMODAL_CAPABILITIES'));
  });
});

describe('the example workspace', () => {
  it('shows image embeddings in embeddings and nothing multimodal in llms', async () => {
    const report = await auditValid(EXAMPLES_DIR);
    const embeddings = capabilityOf(findPackage(report, 'embeddings'));
    assert.deepEqual(embeddings.supportedDataTypes, ['TEXT', 'IMAGE']); // Image, EmbedImages
    assert.equal(embeddings.embeddingSupport?.supportsImageEmbedding, true);
    assert.deepEqual(embeddings.embeddingSupport?.embeddingDimensions, { TEXT: 1536 }); // Config.Dimensions default
    assert.equal(findPackage(report, 'llms').multimodal, null);
  });
});

describe('the compatibility seam', () => {
  const source = [
    'package schema',
    'type BaseMessage struct{ Content string }',
    'type ImageMessage struct {',
    '\tBaseMessage',
    '\tURL string',
    '}',
    'func NewImageMessage(url string) ImageMessage { return ImageMessage{URL: url} }',
  ].join('\n');

  function schemaView(): PackageView {
    const file = 'pkg/schema/message.go';
    const facts = parser().extract(source);
    return {
      pkg: { name: 'schema', dir: 'pkg/schema', module: { dir: '', mod: { modulePath: 'example.com/x', requires: [], replaces: [] } } },
      listing: { root: '/x', goFiles: new Map([[file, { size: source.length, mtimeMs: 0 }]]), otherFiles: new Map(), dirs: new Set(['', 'pkg', 'pkg/schema']) },
      goFiles: [file],
      productionFiles: [file],
      otherFiles: [],
      facts: (rel) => (rel === file ? facts : undefined),
    };
  }

  it('is COMPLETE without breaking changes and IN_PROGRESS with one, which requires migration', () => {
    const view = schemaView();
    const inputs = { consts: buildConstIndex([]), structNames: new Set(['BaseMessage', 'ImageMessage']) };
    const clean = computeMultimodal(view, defaultSettings(), inputs);
    assert.equal(clean?.status, 'COMPLETE');
    const broken = computeMultimodal(view, defaultSettings(), inputs, {
      breakingChanges: ['NewImageMessage: parameters changed'],
      textOnlyWorkflowsSupported: false,
    });
    assert.ok(broken);
    assert.equal(broken.status, 'IN_PROGRESS');
    assert.deepEqual(broken.backwardCompatibility, { textOnlyWorkflowsSupported: false, breakingChanges: ['NewImageMessage: parameters changed'], migrationRequired: true });
    assert.ok(MultimodalCapabilitySchema.safeParse(broken).success);
    assert.equal(multimodalSupportOf(broken, true)?.status, 'PARTIAL');
  });

  it('maps VERIFIED to COMPLETE and PLANNED to NOT_SUPPORTED in multimodalSupport', () => {
    const clean = computeMultimodal(schemaView(), defaultSettings(), { consts: buildConstIndex([]), structNames: new Set() });
    assert.ok(clean);
    assert.equal(multimodalSupportOf({ ...clean, status: 'VERIFIED' }, false)?.status, 'COMPLETE');
    assert.equal(multimodalSupportOf({ ...clean, status: 'PLANNED' }, false)?.status, 'NOT_SUPPORTED');
    assert.equal(multimodalSupportOf(null, false), null);
  });
});
