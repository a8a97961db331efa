// PackageCompliance roll-ups (spec §8): overall status, priorities, score.
import type { PackageCompliance } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';

type Status = PackageCompliance['complianceStatus'];
type Priority = PackageCompliance['alignmentPriorities'][number];

export interface AreaStatuses {
  structure: PackageCompliance['packageStructure']['status'];
  observability: PackageCompliance['otelObservability']['status'];
  testing: PackageCompliance['testingCoverage']['status'];
  /** null for packages that are not multi-provider. */
  providers: NonNullable<PackageCompliance['providerSupport']>['status'] | null;
  multimodal: NonNullable<PackageCompliance['multimodal']>['status'] | null;
}

export function complianceStatus(areas: AreaStatuses): Status {
  const full =
    areas.structure === 'COMPLETE' &&
    areas.observability === 'COMPLETE' &&
    areas.testing === 'COMPLETE' &&
    (areas.providers === null || areas.providers === 'COMPLETE');
  if (full) return 'FULL';
  const lowest =
    areas.structure === 'NON_COMPLIANT' ||
    areas.observability === 'MISSING' ||
    areas.testing === 'INSUFFICIENT' ||
    areas.providers === 'INSUFFICIENT';
  return lowest ? 'NON_COMPLIANT' : 'PARTIAL';
}

export function isMultimodalExpected(packageName: string, settings: Settings): boolean {
  const first = packageName.split('/')[0] ?? packageName;
  return settings.multimodalExpected.includes(packageName) || settings.multimodalExpected.includes(first);
}

export function alignmentPriorities(areas: AreaStatuses, multimodalExpected: boolean): Priority[] {
  const priorities: Priority[] = [];
  if (areas.observability !== 'COMPLETE') priorities.push('OTEL_OBSERVABILITY');
  if (areas.providers !== null && areas.providers !== 'COMPLETE') priorities.push('PROVIDER_EXPANSION');
  if (areas.structure !== 'COMPLETE') priorities.push('STRUCTURE_STANDARDIZATION');
  const multimodalDone = areas.multimodal === 'COMPLETE' || areas.multimodal === 'VERIFIED';
  if (multimodalExpected && !multimodalDone) priorities.push('MULTIMODAL_CAPABILITIES');
  if (areas.testing !== 'COMPLETE') priorities.push('TESTING_ENHANCEMENT');
  return priorities;
}

/** Without a state file: COMPLETE when FULL, else NOT_STARTED (spec §8). */
export function derivedCompletionStatus(status: Status): PackageCompliance['completionStatus'] {
  return status === 'FULL' ? 'COMPLETE' : 'NOT_STARTED';
}

/** Weights of the score's areas (documented in the README). Providers count only for multi-provider packages. */
export const SCORE_WEIGHTS = { structure: 20, metrics: 15, tracing: 20, logging: 10, testing: 20, providers: 15 } as const;

export type AreaShares = { [K in keyof typeof SCORE_WEIGHTS]: number | null };

export function score(shares: AreaShares): number {
  let weighted = 0;
  let total = 0;
  for (const [area, weight] of Object.entries(SCORE_WEIGHTS) as [keyof AreaShares, number][]) {
    const share = shares[area];
    if (share === null) continue;
    weighted += weight * Math.min(1, Math.max(0, share));
    total += weight;
  }
  return total === 0 ? 100 : Math.round((100 * weighted) / total);
}

export function scoreBand(value: number): PackageCompliance['scoreBand'] {
  if (value >= 90) return 'excellent';
  if (value >= 75) return 'good';
  if (value >= 50) return 'needs work';
  return 'poor';
}

export function statusShare(status: string): number {
  if (status === 'COMPLETE' || status === 'COMPLIANT') return 1;
  if (status === 'PARTIAL') return 0.5;
  return 0;
}
