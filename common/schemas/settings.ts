// The one source of truth for gocomply's settings: `.gocomply.json`, the
// editor's `gocomply.*` settings and the CLI all go through this schema.
// Defaults are the spec's (../shared/spec/rules.md).
import { z } from 'zod';

export const RULE_SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'] as const;
export const RuleSeveritySchema = z.enum(RULE_SEVERITIES);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

const stringList = (defaults: string[]) => z.array(z.string().min(1)).default(defaults);

const regexString = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

export const DEFAULT_HIGH_DEMAND: Record<string, string[]> = {
  llms: ['openai', 'anthropic', 'gemini', 'grok', 'bedrock', 'ollama'],
  embeddings: ['openai', 'gemini', 'cohere', 'ollama'],
  vectorstores: ['pgvector', 'qdrant', 'weaviate', 'pinecone', 'chroma'],
  'voice/stt': ['deepgram', 'openai', 'google', 'azure'],
  'voice/tts': ['elevenlabs', 'openai', 'google', 'azure'],
};

export const PROVIDER_TYPES = ['LLM', 'EMBEDDING', 'VECTOR_STORE', 'STT', 'TTS', 'S2S'] as const;

export const DEFAULT_PROVIDER_TYPES: Record<string, (typeof PROVIDER_TYPES)[number]> = {
  llms: 'LLM',
  chatmodels: 'LLM',
  embeddings: 'EMBEDDING',
  vectorstores: 'VECTOR_STORE',
  'voice/stt': 'STT',
  'voice/tts': 'TTS',
  'voice/s2s': 'S2S',
};

export const SettingsSchema = z
  .object({
    packageRoots: stringList(['pkg']),
    requiredFiles: stringList(['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go', 'README.md']),
    multiProviderPackages: stringList([]),
    maxFileBytes: z.number().int().positive().default(2 * 1024 * 1024),
    metrics: z
      .object({ namePattern: regexString.default('^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$') })
      .strict()
      .prefault({}),
    tracing: z
      .object({
        scope: z.enum(['context', 'all']).default('context'),
        exclude: stringList([]),
        spanStarters: stringList([]),
        countDelegation: z.boolean().default(true),
        threshold: z.number().min(0).max(100).default(90),
      })
      .strict()
      .prefault({}),
    benchmarks: z
      .object({
        results: stringList(['bench.txt', '.cache/bench/*.txt']),
        baselineSuffixes: stringList(['Baseline']),
        maxOverhead: z.number().min(0).default(5),
      })
      .strict()
      .prefault({}),
    performanceCritical: stringList(['llms', 'embeddings', 'vectorstores', 'agents']),
    coverage: z
      .object({
        profiles: stringList(['coverage.out', 'cover.out', '.cache/coverage*.out']),
        threshold: z.number().min(0).max(100).default(80),
      })
      .strict()
      .prefault({}),
    providers: z
      .object({
        highDemand: z.record(z.string(), z.array(z.string())).default(DEFAULT_HIGH_DEMAND),
        types: z.record(z.string(), z.enum(PROVIDER_TYPES)).default(DEFAULT_PROVIDER_TYPES),
        countMocks: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    multimodalExpected: stringList(['schema', 'embeddings', 'vectorstores', 'agents', 'voice']),
    compat: z
      .object({ baselineRef: z.string().min(1).optional() })
      .strict()
      .prefault({}),
    rules: z.record(z.string(), RuleSeveritySchema).default({}),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;
/** What a user may write: every field optional. */
export type SettingsInput = z.input<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
