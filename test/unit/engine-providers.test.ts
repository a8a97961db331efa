// Providers (spec §5): registry, registrations, provider folders, and the
// ProviderExtension entries of a multi-provider package.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance, ProviderExtension } from '../../common/schemas/entities';
import { auditFixture, diagnosticsOf, findPackage, fixturePath, lineOf } from './helpers/fixtures';

function findProvider(pkg: PackageCompliance, name: string): ProviderExtension {
  const found = pkg.providers.find((p) => p.providerName === name);
  assert.ok(found, `provider ${name} not in ${pkg.packageName}`);
  return found;
}

/** Providers whose code exists; the missing high-demand ones are listed too, as PLANNED entries. */
function providerNames(pkg: PackageCompliance): string[] {
  return pkg.providers.filter((p) => p.status !== 'PLANNED').map((p) => p.providerName).sort();
}

describe('a multi-provider package (multi-provider)', () => {
  const root = fixturePath('multi-provider');
  const openaiFile = 'pkg/llms/providers/openai/openai.go';
  const anthropicFile = 'pkg/llms/providers/anthropic/anthropic.go';
  const ollamaFile = 'pkg/llms/providers/ollama/ollama.go';
  let llms: PackageCompliance;
  before(async () => {
    llms = findPackage(await auditFixture('multi-provider'), 'llms');
  });

  it('is multi-provider with provider folders and a registry/ factory', () => {
    assert.equal(llms.packageStructure.multiProvider, true);
    assert.equal(llms.packageStructure.hasProviders, true);
    assert.equal(llms.packageStructure.requiredFiles.hasFactory, true);
    assert.equal(llms.providerSupport?.hasRegistry, true);
  });

  it('lists the three registrations with factory, init() and call line; RegisterValidation is none', () => {
    const registrations = (llms.providerSupport?.registrations ?? [])
      .map(({ registryName, factoryFunction, autoRegister, file, line }) => ({ registryName, factoryFunction, autoRegister, file, line }))
      .sort((a, b) => a.registryName.localeCompare(b.registryName));
    assert.deepEqual(registrations, [
      {
        registryName: 'anthropic', // const ProviderName
        factoryFunction: 'NewClient',
        autoRegister: true,
        file: anthropicFile,
        line: lineOf(root, anthropicFile, 'Register(ProviderName, NewClient)'),
      },
      {
        registryName: 'ollama', // string(DefaultName), from a plain function
        factoryFunction: 'newFromOptions',
        autoRegister: false,
        file: ollamaFile,
        line: lineOf(root, ollamaFile, 'Register(string(DefaultName), newFromOptions)'),
      },
      {
        registryName: 'openai',
        factoryFunction: 'New',
        autoRegister: true,
        file: openaiFile,
        line: lineOf(root, openaiFile, 'Register("openai", New)'),
      },
    ]);
  });

  it('counts openai, anthropic and ollama (not the mock folder) and names the missing high-demand ones', () => {
    assert.deepEqual(providerNames(llms), ['anthropic', 'ollama', 'openai']);
    assert.equal(llms.providerSupport?.providerCount, 3);
    // Default llms list: openai, anthropic, gemini, grok, bedrock, ollama.
    assert.deepEqual([...(llms.providerSupport?.missingProviders ?? [])].map((p) => p.toLowerCase()).sort(), ['bedrock', 'gemini', 'grok']);
    const planned = llms.providers.filter((p) => p.status === 'PLANNED').map((p) => p.providerName.toLowerCase()).sort();
    assert.deepEqual(planned, ['bedrock', 'gemini', 'grok']);
    assert.equal(llms.providerSupport?.status, 'PARTIAL');
  });

  it('counts the mock folder with providers.countMocks', async () => {
    const withMocks = findPackage(await auditFixture('multi-provider', { settings: { providers: { countMocks: true } } }), 'llms');
    assert.deepEqual(providerNames(withMocks), ['anthropic', 'mock', 'ollama', 'openai']);
    assert.equal(withMocks.providerSupport?.providerCount, 4);
  });

  it('describes openai: LLM, streaming and tools, its SDK from go.mod, endpoint, API key, config', () => {
    const openai = findProvider(llms, 'openai');
    assert.equal(openai.packageName, 'llms');
    assert.equal(openai.providerType, 'LLM');
    assert.equal(openai.path, 'pkg/llms/providers/openai');
    for (const capability of ['TEXT', 'STREAMING', 'FUNCTION_CALLING'] as const) {
      assert.ok(openai.capabilities.includes(capability), capability);
    }
    assert.equal(openai.sdkInfo.sdkName, 'github.com/sashabaranov/go-openai');
    assert.equal(openai.sdkInfo.sdkVersion, 'v1.26.0');
    // DefaultBaseURL is preferred over the earlier, non-constant docs link.
    assert.equal(openai.sdkInfo.apiEndpoint, 'https://api.openai.com/v1');
    assert.equal(openai.sdkInfo.authenticationType, 'API_KEY');
    assert.deepEqual(openai.configuration.requiredFields, ['APIKey']);
    assert.equal(openai.registrationInfo.registryName, 'openai');
    assert.equal(openai.registrationInfo.factoryFunction, 'New');
    assert.equal(openai.registrationInfo.autoRegister, true);
    assert.equal(openai.testCoverage.hasUnitTests, true);
  });

  it('describes anthropic: the SDK matched by its longest module path, no streaming, no tests', () => {
    const anthropic = findProvider(llms, 'anthropic');
    assert.equal(anthropic.sdkInfo.sdkName, 'github.com/anthropics/anthropic-sdk-go'); // the /option import matches it too
    assert.equal(anthropic.sdkInfo.sdkVersion, 'v0.2.0-alpha.8');
    assert.ok(anthropic.capabilities.includes('TEXT'));
    assert.ok(!anthropic.capabilities.includes('STREAMING'));
    assert.equal(anthropic.testCoverage.hasUnitTests, false);
  });

  it('warns that ollama is not auto-registered, in its folder', () => {
    assert.equal(findProvider(llms, 'ollama').registrationInfo.autoRegister, false);
    const files = diagnosticsOf(llms, 'providers/not-auto-registered').map((d) => d.file);
    assert.ok(files.some((f) => f.startsWith('pkg/llms/providers/ollama/')));
    assert.ok(!files.some((f) => f.startsWith('pkg/llms/providers/openai/') || f.startsWith('pkg/llms/providers/anthropic/')));
  });

  it('reports providers/no-tests for anthropic and not for openai', () => {
    const files = diagnosticsOf(llms, 'providers/no-tests').map((d) => d.file);
    assert.ok(files.some((f) => f.startsWith('pkg/llms/providers/anthropic/')));
    assert.ok(!files.some((f) => f.startsWith('pkg/llms/providers/openai/')));
  });
});
