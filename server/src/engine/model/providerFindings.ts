// The providers/* diagnostics of spec §9 other than duplicate registrations.
//
// Decisions where the spec is silent: not-registered, no-tests and no-mock go
// to the provider's main file (package clause) and only to providers with
// code (a folder, or files defining their factory); not-auto-registered goes
// to the registration call; missing-high-demand, one per missing provider, to
// the name of the registry's definition, else to the package's anchor.
import type { Finding } from '../rules/finding';
import { FILE_START } from '../rules/finding';
import type { ProviderFacts } from './providerExtension';
import { registryDefinition } from './providers';
import type { PackageView } from './view';

function atMainFile(view: PackageView, facts: ProviderFacts, rule: string, message: string): Finding[] {
  const file = facts.mainFile;
  if (file === undefined) return [];
  return [{ rule, file, range: view.facts(file)?.packageClauseRange ?? FILE_START, message }];
}

function describe(facts: ProviderFacts): string {
  const folder = facts.source.folderName;
  return folder !== undefined ? `Provider ${facts.source.name} (providers/${folder})` : `Provider ${facts.source.name}`;
}

function notRegisteredMessage(view: PackageView, what: string, hasRegistry: boolean): string {
  return hasRegistry
    ? `${what} is never registered: register its factory with the ${view.pkg.name} registry in func init().`
    : `${what} is never registered, and ${view.pkg.name} has no registry: add registry.go with a Register function, and call it from the provider's func init().`;
}

function perProviderFindings(view: PackageView, facts: ProviderFacts, hasRegistry: boolean): Finding[] {
  const what = describe(facts);
  const findings: Finding[] = [];
  if (facts.source.folder !== undefined && facts.registration === undefined) {
    findings.push(...atMainFile(view, facts, 'providers/not-registered', notRegisteredMessage(view, what, hasRegistry)));
  }
  if (!facts.hasUnitTests) {
    findings.push(...atMainFile(view, facts, 'providers/no-tests', `${what} has no unit tests: add _test.go files next to its code.`));
  }
  if (!facts.hasMock) {
    findings.push(...atMainFile(view, facts, 'providers/no-mock', `${what} has no mock: add one named after it to test_utils.go or providers/mock.`));
  }
  const registration = facts.registration;
  if (registration !== undefined && !registration.autoRegister) {
    findings.push({
      rule: 'providers/not-auto-registered',
      file: registration.file,
      range: registration.call.range,
      message: `${what} registers "${registration.registryName}" outside func init(): importing it does not make it available. Move the registration into init().`,
    });
  }
  return findings;
}

function missingFindings(view: PackageView, missing: string[], anchor: Finding): Finding[] {
  const registry = registryDefinition(view);
  const where = registry ? { file: registry.file, range: registry.range } : { file: anchor.file, range: anchor.range };
  return missing.map((name) => ({
    rule: 'providers/missing-high-demand',
    ...where,
    message: `${view.pkg.name} has no ${name} provider, which is in high demand: add providers/${name}, or plan it in the state file.`,
  }));
}

export function providerFindings(view: PackageView, facts: ProviderFacts[], missing: string[], anchor: Finding): Finding[] {
  const hasRegistry = registryDefinition(view) !== undefined;
  return [...facts.flatMap((f) => perProviderFindings(view, f, hasRegistry)), ...missingFindings(view, missing, anchor)];
}
