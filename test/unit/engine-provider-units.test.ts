// The provider model's pure parts, on inputs written here: how folders and
// registrations make providers, how imports and go.mod make an SDK, how struct
// tags are read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCredentialField, sdkInfoOf } from '../../server/src/engine/model/providerSdk';
import { parseStructTag, typedDefault } from '../../server/src/engine/model/providerConfig';
import type { Registration } from '../../server/src/engine/model/providers';
import { groupProviders, providerSources } from '../../server/src/engine/model/providerSources';
import type { PackageView } from '../../server/src/engine/model/view';
import { parseGoMod } from '../../server/src/engine/workspace/gomod';
import { useParser } from './facts-support';

const parser = useParser();

function registration(registryName: string, file: string, line: number, providerFolder?: string): Registration {
  const position = { line, character: 1 };
  return {
    registryName,
    factoryFunction: 'New',
    autoRegister: true,
    file,
    call: { name: 'Register', onReceiver: false, argCount: 2, range: { start: position, end: position } },
    ...(providerFolder !== undefined ? { providerFolder } : {}),
  };
}

describe('groupProviders', () => {
  it('joins folders and registered names as spec §5 says, and lists every registered name', () => {
    const groups = groupProviders(
      ['azure', 'openai'],
      [
        registration('azure-openai', 'pkg/llms/providers/azure/azure.go', 10, 'azure'),
        registration('azure', 'pkg/llms/providers/azure/azure.go', 11, 'azure'),
        registration('OpenAI', 'pkg/llms/registry.go', 5), // from outside providers/: joins the folder, case-insensitively
        registration('mock', 'pkg/llms/providers/mock/mock.go', 3, 'mock'), // not a provider folder: no provider
        registration('hash', 'pkg/llms/registry.go', 6),
      ],
    );
    assert.deepEqual(
      groups.map((g) => [g.name, g.folderName, g.registrations.map((r) => r.registryName)]),
      [
        ['azure', 'azure', ['azure']],
        ['azure-openai', 'azure', ['azure-openai']],
        ['hash', undefined, ['hash']],
        ['openai', 'openai', ['OpenAI']],
      ],
    );
  });

  it('describes a provider registered twice by its init() registration', () => {
    const manual = { ...registration('openai', 'pkg/llms/providers/openai/a.go', 2, 'openai'), autoRegister: false };
    const auto = registration('openai', 'pkg/llms/providers/openai/b.go', 9, 'openai');
    const [group] = groupProviders(['openai'], [manual, auto]);
    assert.deepEqual(group?.registrations.map((r) => r.file), ['pkg/llms/providers/openai/b.go', 'pkg/llms/providers/openai/a.go']);
  });
});

describe('providerSources', () => {
  const sources: Record<string, string> = {
    'pkg/llms/registry.go': 'package llms\n\nimport lite "example.com/x/pkg/llms/builtin"\n\nfunc init() { Register("lite", lite.New) }\n',
    'pkg/llms/builtin/lite.go': 'package builtin\n\nfunc New() {}\n',
    'pkg/llms/builtin/lite_test.go': 'package builtin\n\nimport "testing"\n\nfunc TestNew(t *testing.T) { New() }\n',
    'pkg/llms/echo.go': 'package llms\n\nfunc newEcho() {}\n',
    'pkg/llms/echo_test.go': 'package llms\n\nimport "testing"\n\nfunc TestEcho(t *testing.T) { newEcho() }\n',
    'pkg/llms/other_test.go': 'package llms\n',
  };

  function llmsView(): PackageView {
    const facts = new Map(Object.entries(sources).map(([file, text]) => [file, parser().extract(text)]));
    const goFiles = [...facts.keys()].sort();
    return {
      pkg: { name: 'llms', dir: 'pkg/llms', module: { dir: '', mod: { modulePath: 'example.com/x', requires: [], replaces: [] } } },
      listing: { root: '/x', goFiles: new Map(goFiles.map((f) => [f, { size: 0, mtimeMs: 0 }])), otherFiles: new Map(), dirs: new Set(['', 'pkg', 'pkg/llms', 'pkg/llms/builtin']) },
      goFiles,
      productionFiles: goFiles.filter((f) => !f.endsWith('_test.go')),
      otherFiles: [],
      facts: (file) => facts.get(file),
    };
  }

  it('finds the code of a provider without a folder through its factory, qualified or not', () => {
    const lite = { ...registration('lite', 'pkg/llms/registry.go', 4), factoryFunction: 'lite.New' };
    const echo = { ...registration('echo', 'pkg/llms/registry.go', 5), factoryFunction: 'newEcho' };
    const found = providerSources(llmsView(), [], [lite, echo]).map((s) => [s.name, s.folder, s.files, s.testFiles]);
    assert.deepEqual(found, [
      ['echo', undefined, ['pkg/llms/echo.go'], ['pkg/llms/echo_test.go']],
      ['lite', undefined, ['pkg/llms/builtin/lite.go'], ['pkg/llms/builtin/lite_test.go']],
    ]);
  });
});

describe('sdkInfoOf', () => {
  const goMod = parseGoMod(
    [
      'module example.com/fw',
      '',
      'require (',
      '\tgithub.com/acme/sdk v1.2.0',
      '\tgithub.com/pkg/errors v0.9.1',
      '\tgithub.com/acme/cohere-go v0.4.0 // indirect',
      ')',
      '',
      'replace github.com/acme/sdk => ../forks/sdk',
    ].join('\n'),
  );
  const facts = (imports: string[]) => parser().extract(`package p\n\nimport (\n${imports.map((i) => `\t"${i}"`).join('\n')}\n)\n`);
  const context = (providerName: string, imports: string[]) => ({ providerName, files: [facts(imports)], goMod, modulePaths: ['example.com/fw'], configFields: [] });

  it('gives a module replaced by a local folder that folder as its version', () => {
    const info = sdkInfoOf(context('acme', ['example.com/fw/pkg/llms', 'go.opentelemetry.io/otel', 'github.com/acme/sdk/client']));
    assert.equal(info.sdkName, 'github.com/acme/sdk');
    assert.equal(info.sdkVersion, '../forks/sdk');
  });

  it('prefers the module named after the provider, even one required // indirect', () => {
    const info = sdkInfoOf(context('cohere', ['github.com/pkg/errors', 'github.com/acme/cohere-go']));
    assert.equal(info.sdkName, 'github.com/acme/cohere-go');
    assert.equal(info.sdkVersion, 'v0.4.0');
    // Named after neither: the direct requirement wins over the indirect one imported first.
    assert.equal(sdkInfoOf(context('voyage', ['github.com/acme/cohere-go', 'github.com/pkg/errors'])).sdkName, 'github.com/pkg/errors');
  });

  it('reports an import go.mod does not require by its path, without a version', () => {
    const info = sdkInfoOf(context('x', ['github.com/unlisted/client/v2']));
    assert.deepEqual([info.sdkName, info.sdkVersion], ['github.com/unlisted/client/v2', '']);
  });
});

describe('struct tags and credential fields', () => {
  it('reads tags as reflect.StructTag does', () => {
    const tag = parseStructTag('json:"api_key,omitempty" validate:"required,min=1" default:"say \\"hi\\"" json:"ignored"');
    assert.deepEqual([...tag], [
      ['json', 'api_key,omitempty'],
      ['validate', 'required,min=1'],
      ['default', 'say "hi"'],
    ]);
  });

  it('types default values by the field type', () => {
    assert.equal(typedDefault('int', '2'), 2);
    assert.equal(typedDefault('*float64', '0.5'), 0.5);
    assert.equal(typedDefault('bool', 'true'), true);
    assert.equal(typedDefault('time.Duration', '30s'), '30s');
    assert.equal(typedDefault('int', 'many'), 'many');
    assert.equal(typedDefault('string', '42'), '42');
  });

  it('knows API keys and tokens from text-token counts', () => {
    for (const name of ['APIKey', 'apiKey', 'api_key', 'Token', 'AccessToken', 'SecretAccessKey']) assert.equal(isCredentialField(name), true, name);
    for (const name of ['MaxTokens', 'TokenLimit', 'Key', 'PublicKey', 'Model']) assert.equal(isCredentialField(name), false, name);
  });
});
