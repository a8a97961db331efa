// ProviderExtension (spec §5): SDK, endpoint and authentication from imports
// and go.mod; registration, tests, mocks, coverage and status; the providers/*
// diagnostics. Expected values follow from the fixtures' code (see their
// FIXTURE.md) and, for coverage, from their coverage.out.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { PackageCompliance, ProviderExtension } from '../../common/schemas/entities';
import type { Report } from '../../common/schemas/report';
import { auditFixture, diagnosticsOf, findPackage, fixturePath, lineOf } from './helpers/fixtures';

function findProvider(pkg: PackageCompliance, name: string): ProviderExtension {
  const found = pkg.providers.find((p) => p.providerName === name);
  assert.ok(found, `provider ${name} not in ${pkg.packageName} (have: ${pkg.providers.map((p) => p.providerName).join(', ')})`);
  return found;
}

/** rule -> sorted `file:line` of the package's diagnostics of that rule. */
function diagnosticPlaces(pkg: PackageCompliance, rule: string): string[] {
  return diagnosticsOf(pkg, rule)
    .map((d) => `${d.file}:${d.range.start.line}`)
    .sort();
}

/** Covered statements / statements of the profile's blocks for files whose key contains `fragment`, in percent. */
function profileCoverage(root: string, fragment: string): number {
  let statements = 0;
  let covered = 0;
  for (const line of fs.readFileSync(path.join(root, 'coverage.out'), 'utf8').split('\n')) {
    const match = /^(\S+):\S+ (\d+) (\d+)$/.exec(line);
    if (!match || !match[1]?.includes(fragment)) continue;
    statements += Number(match[2]);
    if (Number(match[3]) > 0) covered += Number(match[2]);
  }
  return Math.round((covered / statements) * 1000) / 10;
}

describe('SDK, endpoint and authentication (providers-sdk)', () => {
  const root = fixturePath('providers-sdk');
  let llms: PackageCompliance;
  before(async () => {
    llms = findPackage(await auditFixture('providers-sdk'), 'llms');
  });

  it('takes the module named after the provider, by its own (longest) require line', () => {
    const bedrock = findProvider(llms, 'bedrock');
    // It imports aws-sdk-go-v2/aws (module aws-sdk-go-v2), /config and /service/bedrockruntime (modules of their own).
    assert.equal(bedrock.sdkInfo.sdkName, 'github.com/aws/aws-sdk-go-v2/service/bedrockruntime');
    assert.equal(bedrock.sdkInfo.sdkVersion, 'v1.14.0');
    assert.equal(bedrock.sdkInfo.authenticationType, 'AWS_SIGV4');
    assert.equal(bedrock.sdkInfo.apiEndpoint, undefined);
  });

  it('honours the replace line and reads WithAPIKey as API_KEY', () => {
    const gemini = findProvider(llms, 'gemini');
    // go.mod requires generative-ai-go v0.17.0 and replaces it with a fork at v0.17.1.
    assert.equal(gemini.sdkInfo.sdkName, 'github.com/google/generative-ai-go');
    assert.equal(gemini.sdkInfo.sdkVersion, 'v0.17.1');
    assert.equal(gemini.sdkInfo.authenticationType, 'API_KEY');
  });

  it('reads golang.org/x/oauth2 as OAUTH and prefers the Endpoint constant to the earlier docs link', () => {
    const vertex = findProvider(llms, 'vertex');
    assert.equal(vertex.sdkInfo.sdkName, 'golang.org/x/oauth2');
    assert.equal(vertex.sdkInfo.sdkVersion, 'v0.21.0');
    assert.equal(vertex.sdkInfo.apiEndpoint, 'https://us-central1-aiplatform.googleapis.com/v1');
    assert.equal(vertex.sdkInfo.authenticationType, 'OAUTH');
  });

  it('resolves a module required only // indirect, and an apiKey field of the client as API_KEY', () => {
    const mistral = findProvider(llms, 'mistral');
    assert.equal(mistral.sdkInfo.sdkName, 'github.com/gage-technologies/mistral-go');
    assert.equal(mistral.sdkInfo.sdkVersion, 'v1.1.0');
    assert.equal(mistral.sdkInfo.authenticationType, 'API_KEY');
  });

  it('finds no SDK in the standard library, OpenTelemetry or the workspace itself', () => {
    const ollama = findProvider(llms, 'ollama');
    assert.deepEqual(ollama.sdkInfo, { sdkName: '', sdkVersion: '', apiEndpoint: 'http://localhost:11434', authenticationType: 'NONE' });
  });

  it('types every provider LLM with TEXT, none tested or mocked: IN_PROGRESS, with a folder path', () => {
    for (const name of ['bedrock', 'gemini', 'mistral', 'ollama', 'vertex']) {
      const provider = findProvider(llms, name);
      assert.equal(provider.providerType, 'LLM');
      assert.deepEqual(provider.capabilities, ['TEXT']);
      assert.equal(provider.status, 'IN_PROGRESS');
      assert.equal(provider.path, `pkg/llms/providers/${name}`);
      assert.equal(provider.registrationInfo.registryName, name);
      assert.equal(provider.registrationInfo.line, lineOf(root, `pkg/llms/providers/${name}/${name}.go`, `llms.Register("${name}", New)`));
    }
  });

  it('lists the missing default high-demand providers as PLANNED entries and diagnostics at the registry', () => {
    // Default llms list: openai, anthropic, gemini, grok, bedrock, ollama.
    const planned = llms.providers.filter((p) => p.status === 'PLANNED');
    assert.deepEqual(planned.map((p) => p.providerName).sort(), ['anthropic', 'grok', 'openai']);
    for (const p of planned) {
      assert.deepEqual(p.capabilities, ['TEXT']);
      assert.equal(p.registrationInfo.registryName, '');
      assert.equal(p.path, undefined);
      assert.equal(p.testCoverage.coveragePercentage, null);
    }
    const registerLine = lineOf(root, 'pkg/llms/registry.go', 'func Register(');
    assert.deepEqual(diagnosticPlaces(llms, 'providers/missing-high-demand'), Array(3).fill(`pkg/llms/registry.go:${registerLine}`));
    assert.ok(diagnosticsOf(llms, 'providers/missing-high-demand').every((d) => d.severity === 'info'));
  });
});

describe('registration, tests, mocks, coverage and status (providers-lifecycle)', () => {
  const root = fixturePath('providers-lifecycle');
  let report: Report;
  let embeddings: PackageCompliance;
  before(async () => {
    report = await auditFixture('providers-lifecycle');
    embeddings = findPackage(report, 'embeddings');
  });

  it('joins folders with registered names: a folder registering two names gives two providers', () => {
    const present = embeddings.providers.filter((p) => p.status !== 'PLANNED').map((p) => p.providerName).sort();
    assert.deepEqual(present, ['azure', 'azure-openai', 'cohere', 'hash', 'local', 'openai', 'voyage']);
    assert.equal(embeddings.providerSupport?.providerCount, present.length);
    const file = 'pkg/embeddings/providers/azure/azure.go';
    const azure = findProvider(embeddings, 'azure');
    const azureOpenAI = findProvider(embeddings, 'azure-openai');
    assert.equal(azure.path, 'pkg/embeddings/providers/azure');
    assert.equal(azureOpenAI.path, azure.path);
    assert.equal(azure.registrationInfo.line, lineOf(root, file, 'Register("azure", New)'));
    assert.equal(azureOpenAI.registrationInfo.line, lineOf(root, file, 'Register("azure-openai", New)'));
  });

  it('describes a provider registered from registry.go by the file defining its factory', () => {
    const hash = findProvider(embeddings, 'hash');
    assert.equal(hash.path, undefined);
    assert.deepEqual(
      { ...hash.registrationInfo },
      { registryName: 'hash', factoryFunction: 'newHashEmbedder', autoRegister: true, file: 'pkg/embeddings/registry.go', line: lineOf(root, 'pkg/embeddings/registry.go', 'Register("hash"') },
    );
    assert.equal(hash.testCoverage.hasUnitTests, true); // hash_test.go
    assert.equal(hash.testCoverage.coveragePercentage, profileCoverage(root, '/pkg/embeddings/hash.go'));
    assert.ok((hash.testCoverage.coveragePercentage ?? 100) < 80);
    assert.equal(hash.status, 'IN_PROGRESS'); // registered, tested, mocked, but under the coverage threshold
  });

  it('makes openai COMPLETE: registered in init(), unit tests, its own mock, coverage at threshold', () => {
    const openai = findProvider(embeddings, 'openai');
    assert.equal(openai.registrationInfo.autoRegister, true);
    assert.equal(openai.testCoverage.hasUnitTests, true);
    assert.equal(openai.testCoverage.hasMock, true);
    assert.equal(openai.testCoverage.sharedMock, false); // MockOpenAI
    assert.equal(openai.testCoverage.coveragePercentage, profileCoverage(root, '/providers/openai/'));
    assert.ok((openai.testCoverage.coveragePercentage ?? 0) >= 80);
    assert.equal(openai.status, 'COMPLETE');
    assert.equal(openai.sdkInfo.apiEndpoint, 'https://api.openai.com/v1');
    assert.equal(openai.sdkInfo.authenticationType, 'API_KEY'); // Config.APIKey
  });

  it("reads openai's own Config: validate tokens, default tags typed by field, DefaultConfig() literals winning", () => {
    const { configuration } = findProvider(embeddings, 'openai');
    // BatchSize's `required_with=Model` is not the token `required`; the unexported `client` is left out.
    assert.deepEqual(configuration.requiredFields, ['APIKey', 'Model']);
    assert.deepEqual(configuration.optionalFields, ['Dimensions', 'BatchSize', 'Normalize', 'Timeout', 'Ratio', 'User']);
    assert.deepEqual(configuration.defaultValues, {
      Model: 'text-embedding-3-large', // DefaultConfig() over the tag's text-embedding-3-small
      Dimensions: 1536,
      Normalize: true,
      Timeout: '30s', // DefaultConfig()'s 10 * time.Second is no literal
      Ratio: 0.5,
      BatchSize: 100,
      User: 'gocomply',
    });
  });

  it('falls back to the package Config for providers without one', () => {
    const { configuration } = findProvider(embeddings, 'cohere');
    assert.deepEqual(configuration, { requiredFields: ['Provider'], optionalFields: ['Model'], defaultValues: {} });
  });

  it('tells integration tests from unit tests, and finds the package integration test naming voyage', () => {
    const cohere = findProvider(embeddings, 'cohere');
    assert.equal(cohere.testCoverage.hasUnitTests, false); // its only _test.go has //go:build integration
    assert.equal(cohere.testCoverage.hasIntegrationTests, true);
    const voyage = findProvider(embeddings, 'voyage');
    assert.equal(voyage.testCoverage.hasUnitTests, true);
    assert.equal(voyage.testCoverage.hasIntegrationTests, true); // integration_test.go: TestVoyageIntegration
    assert.equal(findProvider(embeddings, 'openai').testCoverage.hasIntegrationTests, false);
  });

  it('gives providers without their own mock the package-wide MockEmbedder, as shared', () => {
    for (const name of ['azure', 'cohere', 'hash', 'local', 'voyage']) {
      const { testCoverage } = findProvider(embeddings, name);
      assert.equal(testCoverage.hasMock, true, name);
      assert.equal(testCoverage.sharedMock, true, name);
    }
  });

  it('leaves voyage unregistered and local registered outside init(), both IN_PROGRESS', () => {
    const voyage = findProvider(embeddings, 'voyage');
    assert.deepEqual({ ...voyage.registrationInfo }, { registryName: '', factoryFunction: '', autoRegister: false });
    assert.equal(voyage.status, 'IN_PROGRESS');
    assert.equal(findProvider(embeddings, 'local').registrationInfo.autoRegister, false);
    assert.equal(findProvider(embeddings, 'local').status, 'IN_PROGRESS');
  });

  it('reports not-registered, no-tests and not-auto-registered where the spec puts them, with their severities', () => {
    const clause = (file: string) => `${file}:${lineOf(root, file, 'package ')}`;
    assert.deepEqual(diagnosticPlaces(embeddings, 'providers/not-registered'), [clause('pkg/embeddings/providers/voyage/voyage.go')]);
    const azure = clause('pkg/embeddings/providers/azure/azure.go');
    assert.deepEqual(diagnosticPlaces(embeddings, 'providers/no-tests'), [
      azure,
      azure,
      clause('pkg/embeddings/providers/cohere/cohere.go'),
      clause('pkg/embeddings/providers/local/local.go'),
    ]);
    const local = 'pkg/embeddings/providers/local/local.go';
    assert.deepEqual(diagnosticPlaces(embeddings, 'providers/not-auto-registered'), [`${local}:${lineOf(root, local, 'Register("local", New)')}`]);
    assert.deepEqual(diagnosticPlaces(embeddings, 'providers/no-mock'), []);
    const severities = new Map(embeddings.diagnostics.filter((d) => d.rule.startsWith('providers/')).map((d) => [d.rule, d.severity]));
    assert.equal(severities.get('providers/not-registered'), 'warning');
    assert.equal(severities.get('providers/no-tests'), 'warning');
    assert.equal(severities.get('providers/not-auto-registered'), 'info');
  });

  it('plans gemini, the one missing high-demand provider, and reports it at Register', () => {
    assert.deepEqual(embeddings.providerSupport?.missingProviders, ['gemini']);
    assert.equal(findProvider(embeddings, 'gemini').status, 'PLANNED');
    assert.equal(findProvider(embeddings, 'gemini').providerType, 'EMBEDDING');
    const line = lineOf(root, 'pkg/embeddings/registry.go', 'func Register(');
    assert.deepEqual(diagnosticPlaces(embeddings, 'providers/missing-high-demand'), [`pkg/embeddings/registry.go:${line}`]);
  });

  it('finds no mock for pgvector: the package mock MockLogger is no VectorStore', () => {
    const vectorstores = findPackage(report, 'vectorstores');
    const pgvector = findProvider(vectorstores, 'pgvector');
    assert.equal(pgvector.providerType, 'VECTOR_STORE');
    assert.deepEqual(pgvector.capabilities, []);
    assert.equal(pgvector.testCoverage.hasUnitTests, true);
    assert.equal(pgvector.testCoverage.hasMock, false);
    assert.equal(pgvector.status, 'IN_PROGRESS');
    const file = 'pkg/vectorstores/providers/pgvector/pgvector.go';
    assert.deepEqual(diagnosticPlaces(vectorstores, 'providers/no-mock'), [`${file}:${lineOf(root, file, 'package ')}`]);
    assert.equal(diagnosticsOf(vectorstores, 'providers/no-mock')[0]?.severity, 'info');
  });

  it('gives an untyped package ProviderSupport and diagnostics, but no ProviderExtension entries', () => {
    const memory = findPackage(report, 'memory');
    assert.deepEqual(memory.providers, []);
    assert.equal(memory.providerSupport?.providerCount, 1);
    assert.equal(memory.providerSupport?.hasRegistry, false);
    const file = 'pkg/memory/providers/buffer/buffer.go';
    const clause = `${file}:${lineOf(root, file, 'package ')}`;
    for (const rule of ['providers/not-registered', 'providers/no-tests', 'providers/no-mock']) {
      assert.deepEqual(diagnosticPlaces(memory, rule), [clause], rule);
    }
  });
});
