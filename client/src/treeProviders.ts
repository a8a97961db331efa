// Providers, Multimodal, Compatibility and Status rows of a package.
import type { ProviderExtension } from '../../common/schemas/entities';
import { check, node, plural, statusIcon, statusTone, type ComplianceNode, type RevealTarget } from './treeNode';
import { multimodalContextValue, providerContextValue, statusContextValue } from './treeState';
import type { PackageContext } from './treeStructure';

function providerTarget(scope: PackageContext, provider: ProviderExtension): RevealTarget | undefined {
  const registration = provider.registrationInfo;
  if (registration.file !== undefined) {
    const line = registration.line === undefined ? {} : { line: registration.line };
    return { kind: 'file', location: { folderUri: scope.folderUri, file: registration.file, ...line } };
  }
  return provider.path === undefined ? undefined : { kind: 'folder', folderUri: scope.folderUri, path: provider.path };
}

function providerNode(scope: PackageContext, parentId: string, provider: ProviderExtension): ComplianceNode {
  const id = `${parentId}/provider:${provider.providerName}`;
  const registration = provider.registrationInfo;
  const tests = provider.testCoverage;
  const target = providerTarget(scope, provider);
  const children = [
    node(id, 'capabilities', { label: 'capabilities', description: provider.capabilities.join(', ') || 'none found', icon: 'symbol-event' }),
    node(id, 'sdk', { label: 'SDK', description: `${provider.sdkInfo.sdkName} ${provider.sdkInfo.sdkVersion}`.trim() || 'unknown', icon: 'package' }),
    node(id, 'registration', {
      label: 'registration',
      description: registration.registryName ? `${registration.registryName} · ${registration.factoryFunction}` : 'not registered',
      icon: 'plug',
      tone: registration.registryName ? 'pass' : 'warn',
      ...(target?.kind === 'file' ? { target } : {}),
    }),
    check(id, 'unit-tests', 'unit tests', tests.hasUnitTests),
    check(id, 'integration-tests', 'integration tests', tests.hasIntegrationTests, 'info'),
    check(id, 'mock', 'mock', tests.hasMock, 'info'),
  ];
  return node(parentId, `provider:${provider.providerName}`, {
    label: provider.providerName,
    description: `${provider.providerType} · ${provider.status}`,
    icon: 'extensions',
    tone: statusTone(provider.status),
    contextValue: providerContextValue(provider.status),
    subject: { ...scope.subject, providerName: provider.providerName },
    children,
    ...(target === undefined ? {} : { target }),
  });
}

export function providersNode(scope: PackageContext): ComplianceNode | undefined {
  const support = scope.pkg.providerSupport;
  if (support === null && scope.pkg.providers.length === 0) return undefined;
  const id = `${scope.id}/providers`;
  // Missing high-demand providers are also PLANNED entries of the report: show them once, as missing.
  const missingNames = new Set((support?.missingProviders ?? []).map((name) => name.toLowerCase()));
  const providers = scope.pkg.providers
    .filter((provider) => !(provider.status === 'PLANNED' && missingNames.has(provider.providerName.toLowerCase())))
    .map((provider) => providerNode(scope, id, provider));
  const missing = (support?.missingProviders ?? []).map((name) =>
    node(id, `missing:${name}`, {
      label: name,
      description: 'missing (high demand)',
      icon: 'circle-large-outline',
      tone: 'warn',
      contextValue: 'missingProvider',
      subject: { ...scope.subject, providerName: name },
    }),
  );
  const status = support?.status ?? 'INSUFFICIENT';
  return node(scope.id, 'providers', {
    label: 'Providers',
    description: `${status} · ${plural(providers.length, 'provider')}${support?.hasRegistry ? ' · registry' : ''}`,
    icon: statusIcon(status),
    tone: statusTone(status),
    contextValue: 'area.providers',
    subject: scope.subject,
    children: [...providers, ...missing],
  });
}

export function multimodalNode(scope: PackageContext): ComplianceNode | undefined {
  const support = scope.pkg.multimodalSupport;
  const capability = scope.pkg.multimodal;
  if (support === null && capability === null) return undefined;
  const id = `${scope.id}/multimodal`;
  const children: ComplianceNode[] = [];
  if (support !== null) {
    children.push(check(id, 'image', 'images', support.hasImageSupport, 'info'));
    children.push(check(id, 'voice', 'voice', support.hasVoiceSupport, 'info'));
    children.push(check(id, 'video', 'video', support.hasVideoSupport, 'info'));
  }
  if (capability !== null) {
    children.push(node(id, 'types', { label: 'data types', description: capability.supportedDataTypes.join(', '), icon: 'symbol-enum' }));
    for (const extension of capability.schemaExtensions) {
      children.push(node(id, `ext:${extension.typeName}`, { label: extension.typeName, description: `extends ${extension.baseType}`, icon: 'symbol-struct' }));
    }
  }
  const status = support?.status ?? capability?.status ?? 'NOT_SUPPORTED';
  return node(scope.id, 'multimodal', {
    label: 'Multimodal',
    description: status,
    icon: statusIcon(status),
    tone: statusTone(status),
    contextValue: multimodalContextValue(capability?.status),
    subject: scope.subject,
    children,
  });
}

export function compatibilityNode(scope: PackageContext): ComplianceNode {
  const breaking = scope.pkg.multimodal?.backwardCompatibility.breakingChanges ?? [];
  const id = `${scope.id}/compatibility`;
  return node(scope.id, 'compatibility', {
    label: 'Compatibility',
    description: breaking.length === 0 ? 'no breaks reported' : plural(breaking.length, 'breaking change'),
    icon: breaking.length === 0 ? 'pass' : 'warning',
    tone: breaking.length === 0 ? 'pass' : 'warn',
    contextValue: 'area.compatibility',
    children: breaking.map((change, index) => node(id, `break:${index}`, { label: change, icon: 'diff-removed', tone: 'warn' })),
  });
}

export function statusNode(scope: PackageContext): ComplianceNode {
  const pkg = scope.pkg;
  const id = `${scope.id}/status`;
  const priorities = pkg.alignmentPriorities.map((priority) =>
    node(id, `priority:${priority}`, { label: priority, description: 'alignment priority', icon: 'arrow-small-right' }),
  );
  return node(scope.id, 'status', {
    label: 'Status',
    description: pkg.completionStatus,
    tooltip: `score ${pkg.score} (${pkg.scoreBand}) · ${pkg.complianceStatus}`,
    icon: statusIcon(pkg.completionStatus),
    tone: statusTone(pkg.completionStatus),
    contextValue: statusContextValue(pkg),
    subject: scope.subject,
    children: [node(id, 'score', { label: 'score', description: `${pkg.score} (${pkg.scoreBand})`, icon: 'star-empty' }), ...priorities],
  });
}
