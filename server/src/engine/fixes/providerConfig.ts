// The Config fields of a new provider, by the package's provider type.
import type { GoImports } from './goWorkspace';
import type { ProviderTarget } from './providerTarget';
import type { ConfigField } from './providerTemplates';

export function configFields(target: ProviderTarget, imports: GoImports): ConfigField[] {
  const type = target.ws.settings.providers.types[target.model.packageName];
  const modelRequired = type === 'LLM' || type === 'EMBEDDING';
  const duration = imports.ref('time', 'time', 'Duration');
  const second = imports.ref('time', 'time', 'Second');
  const fields: ConfigField[] = [
    {
      name: 'APIKey',
      type: 'string',
      key: 'api_key',
      required: true,
      rules: [],
      invalid: { when: 'c.APIKey == ""', message: 'APIKey is required', value: '""' },
      sample: '"test-key"',
    },
  ];
  if (type !== 'VECTOR_STORE') {
    fields.push({
      name: 'Model',
      type: 'string',
      key: 'model',
      required: modelRequired,
      rules: [],
      ...(modelRequired ? { invalid: { when: 'c.Model == ""', message: 'Model is required', value: '""' }, sample: '"test-model"' } : {}),
    });
  }
  fields.push(
    { name: 'BaseURL', type: 'string', key: 'base_url', required: false, rules: [] },
    {
      name: 'Timeout',
      type: duration,
      key: 'timeout',
      required: false,
      rules: ['gt=0'],
      default: { expr: `30 * ${second}`, tag: '30s' },
      invalid: { when: 'c.Timeout <= 0', message: 'Timeout must be positive', value: '0' },
    },
    {
      name: 'MaxRetries',
      type: 'int',
      key: 'max_retries',
      required: false,
      rules: ['gte=0', 'lte=10'],
      default: { expr: '3', tag: '3' },
      invalid: { when: 'c.MaxRetries < 0 || c.MaxRetries > 10', message: 'MaxRetries must be between 0 and 10', value: '-1' },
    },
  );
  return fields;
}
