// What a person decided (the state file, spec §8) applied to a package's
// model: completionStatus, provider and multimodal statuses, regressions.
import type { MultimodalCapability, ProviderExtension } from '../../../../common/schemas/entities';
import { providerKey, type StateFile } from '../../../../common/schemas/state';
import type { Finding } from '../rules/finding';
import { deriveMultimodalStatus, derivePackageStatus, deriveProviderStatus, packageFingerprint, regressedFinding } from '../state';
import { multimodalSupportOf } from './multimodal';
import type { PackageModel } from './package';
import { plannedExtension } from './providerExtension';

function providersWithState(model: PackageModel, state: StateFile): ProviderExtension[] {
  const derived = model.providers.map((provider) => {
    const entry = state.providers[providerKey(model.path, provider.providerName)];
    const { status } = deriveProviderStatus({ entry, codeExists: provider.status !== 'PLANNED', complete: provider.status === 'COMPLETE' });
    return { ...provider, status };
  });
  const known = new Set(derived.map((p) => p.providerName.toLowerCase()));
  const type = derived[0]?.providerType;
  const prefix = `${model.path}/`;
  // Providers only planned in the state file (spec §5: PLANNED when only named there).
  for (const key of Object.keys(state.providers).sort()) {
    const name = key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
    if (name === undefined || name.includes('/') || known.has(name.toLowerCase()) || type === undefined) continue;
    derived.push(plannedExtension(model.packageName, type, name));
  }
  return derived;
}

function plannedCapability(model: PackageModel): MultimodalCapability {
  return {
    packageName: model.packageName,
    supportedDataTypes: ['TEXT'],
    schemaExtensions: [],
    backwardCompatibility: { textOnlyWorkflowsSupported: true, breakingChanges: [], migrationRequired: false },
    status: 'PLANNED',
  };
}

function multimodalWithState(model: PackageModel, state: StateFile): MultimodalCapability | null {
  const entry = state.multimodal[model.path];
  const capability = model.multimodal ?? (entry ? plannedCapability(model) : null);
  if (capability === null) return null;
  const { status } = deriveMultimodalStatus({
    entry,
    codeExists: model.multimodal !== null,
    complete: capability.status === 'COMPLETE',
  });
  return { ...capability, status };
}

export interface LifecycleResult {
  model: PackageModel;
  findings: Finding[];
}

export function applyState(model: PackageModel, state: StateFile, anchor: Pick<Finding, 'file' | 'range'>): LifecycleResult {
  const entry = state.packages[model.path];
  const derived = derivePackageStatus({ entry, isFull: model.complianceStatus === 'FULL', fingerprint: packageFingerprint(model) });
  const multimodal = multimodalWithState(model, state);
  const expected = model.multimodalSupport !== null || multimodal !== null;
  const updated: PackageModel = {
    ...model,
    completionStatus: derived.status,
    providers: providersWithState(model, state),
    multimodal,
    multimodalSupport: multimodalSupportOf(multimodal, expected),
  };
  const previous = entry?.status;
  const findings =
    derived.regressed && (previous === 'COMPLETE' || previous === 'VERIFIED')
      ? [regressedFinding(model.path, anchor.file, anchor.range, previous)]
      : [];
  return { model: updated, findings };
}
