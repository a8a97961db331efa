// The provider "add provider" writes and the package it joins, as the modules
// planning it share them, and the refusal they throw when it cannot be written.
import type { PackageModel } from '../model/package';
import type { GoInterfaces } from './goOperations';
import type { ModuleInfo } from './missingFile';
import type { FixWorkspace } from './plan';

/** Why the provider cannot be added: addProviderPlan returns its message. */
export class Refusal extends Error {}

/** Folders under providers/ that hold no provider. */
export const NOT_PROVIDER_FOLDERS = ['internal', 'iface', 'mock', 'mocks', 'testutils', 'testdata'];

export interface ProviderTarget {
  readonly ws: FixWorkspace;
  readonly modules: ModuleInfo[];
  /** The framework package the provider joins, and its folder. */
  readonly model: PackageModel;
  readonly pkgDir: string;
  readonly providersDir: string;
  /** The provider's name as given, its folder, Go package name and import path. */
  readonly name: string;
  readonly folder: string;
  readonly ident: string;
  readonly importPath: string;
  readonly interfaces: GoInterfaces;
}
