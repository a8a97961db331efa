// package.json against its sources of truth: the settings' zod schema, the
// commands the client registers, and the files the manifest points at.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, CONTEXT_KEYS, TREE_VIEW_ID } from '../../client/src/commandIds';
import { defaultSettings } from '../../common/schemas/settings';
import { configurationProperties, editorSettingsSchema, SCHEMA_FILE, SETTINGS_PREFIX } from '../../scripts/gen-manifest';

const ROOT = join(__dirname, '..', '..');

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((current, key) => (isJson(current) ? current[key] : undefined), value);
}

function objectAt(value: unknown, ...path: string[]): Json {
  const found = field(value, ...path);
  assert.ok(isJson(found), `package.json ${path.join('.')} is an object`);
  return found;
}

function arrayAt(value: unknown, ...path: string[]): unknown[] {
  const found = field(value, ...path);
  assert.ok(Array.isArray(found), `package.json ${path.join('.')} is an array`);
  return found;
}

const manifest: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const configured = objectAt(manifest, 'contributes', 'configuration', 'properties');

/** The JSON type of a runtime value, as a JSON schema names it. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeAccepts(declared: unknown, value: unknown): boolean {
  const actual = jsonType(value);
  const types = Array.isArray(declared) ? declared : [declared];
  return types.includes(actual) || (types.includes('number') && actual === 'integer');
}

describe('package.json contributes.configuration', () => {
  const generated = configurationProperties();

  it('has exactly one gocomply.* setting per leaf of the zod schema', () => {
    assert.deepEqual(Object.keys(configured).sort(), Object.keys(generated).sort());
  });

  it('declares each setting as the schema does (type, default, enum, items, description)', () => {
    for (const [key, expected] of Object.entries(generated)) assert.deepEqual(configured[key], expected, `${key}: run \`npm run manifest\``);
  });

  it("gives each setting zod's own default (defaultSettings()), of the declared type; null where zod has none", () => {
    const defaults = defaultSettings();
    for (const [key, property] of Object.entries(configured)) {
      const path = key.slice(SETTINGS_PREFIX.length).split('.');
      const zodDefault = field(defaults, ...path) ?? null;
      assert.deepEqual(field(property, 'default'), zodDefault, `${key} default`);
      assert.ok(typeAccepts(field(property, 'type'), zodDefault), `${key}: type ${JSON.stringify(field(property, 'type'))}`);
    }
  });

  it('describes every setting', () => {
    for (const [key, property] of Object.entries(configured)) {
      const description = field(property, 'description');
      assert.ok(typeof description === 'string' && description.length > 10, `${key} has a description`);
    }
  });
});

describe('package.json commands and menus', () => {
  const declared = new Set(arrayAt(manifest, 'contributes', 'commands').map((command) => field(command, 'command')));

  it('declares exactly the commands the client registers', () => {
    assert.deepEqual([...declared].sort(), Object.values(COMMANDS).sort());
  });

  it('gives each command a title and a codicon', () => {
    for (const command of arrayAt(manifest, 'contributes', 'commands')) {
      assert.ok(typeof field(command, 'title') === 'string', `${String(field(command, 'command'))} title`);
      assert.match(String(field(command, 'icon')), /^\$\([a-z-]+\)$/, `${String(field(command, 'command'))} icon`);
    }
  });

  it('references only declared commands in every menu', () => {
    const menus = objectAt(manifest, 'contributes', 'menus');
    for (const [menu, items] of Object.entries(menus)) {
      assert.ok(Array.isArray(items), menu);
      for (const item of items) assert.ok(declared.has(field(item, 'command')), `${menu}: ${String(field(item, 'command'))} is declared`);
    }
  });

  it('links only declared gocomply commands from the welcome view', () => {
    for (const welcome of arrayAt(manifest, 'contributes', 'viewsWelcome')) {
      const links = [...String(field(welcome, 'contents')).matchAll(/\(command:(gocomply\.[\w.]+)\)/g)].map((match) => match[1]);
      for (const link of links) assert.ok(declared.has(link), `welcome link ${String(link)}`);
      assert.equal(field(welcome, 'view'), TREE_VIEW_ID);
    }
  });

  it('uses only context keys the client sets in `when` clauses', () => {
    const allowed = new Set<string>([...Object.values(CONTEXT_KEYS), TREE_VIEW_ID]);
    const menus = Object.values(objectAt(manifest, 'contributes', 'menus')).flatMap((items) => (Array.isArray(items) ? items : []));
    const clauses = [...menus, ...arrayAt(manifest, 'contributes', 'viewsWelcome')].map((item) => String(field(item, 'when') ?? ''));
    for (const clause of clauses) {
      for (const [key] of clause.matchAll(/gocomply\.[A-Za-z.]+/g)) assert.ok(allowed.has(key), `${key} in "${clause}"`);
    }
  });
});

/** Whether a `view/item/context` entry shows on a tree row with this context value (the clause forms the manifest uses). */
function showsOn(when: string, contextValue: string): boolean {
  return when.split('&&').every((part) => {
    const clause = part.trim();
    if (clause === `view == ${TREE_VIEW_ID}`) return true;
    const equals = /^viewItem == (\S+)$/.exec(clause);
    if (equals) return equals[1] === contextValue;
    const matches = /^viewItem =~ \/(.+)\/$/.exec(clause);
    if (matches?.[1] !== undefined) return new RegExp(matches[1]).test(contextValue);
    return assert.fail(`showsOn does not read the clause "${clause}"`);
  });
}

describe('package.json tree context menus', () => {
  const menu = arrayAt(manifest, 'contributes', 'menus', 'view/item/context');
  const offered = (command: string, contextValue: string) =>
    menu.some((item) => field(item, 'command') === command && showsOn(String(field(item, 'when')), contextValue));
  const STATE_COMMANDS = [
    COMMANDS.startAlignment,
    COMMANDS.markVerified,
    COMMANDS.reopen,
    COMMANDS.planProvider,
    COMMANDS.planProviderByName,
    COMMANDS.startProvider,
    COMMANDS.markProviderVerified,
    COMMANDS.planMultimodal,
    COMMANDS.startMultimodal,
    COMMANDS.markMultimodalVerified,
  ];
  const stateCommandsOn = (contextValue: string) => STATE_COMMANDS.filter((command) => offered(command, contextValue));

  it('offers on a package or Status row only the transitions its completion status allows', () => {
    for (const row of ['package', 'status']) {
      assert.deepEqual(stateCommandsOn(`${row}.notStarted`), [COMMANDS.startAlignment]);
      // A regressed package is IN_PROGRESS: reopen records it (the server refuses it when nothing was recorded).
      assert.deepEqual(stateCommandsOn(`${row}.inProgress`), [COMMANDS.reopen]);
      assert.deepEqual(stateCommandsOn(`${row}.complete`), [COMMANDS.markVerified, COMMANDS.reopen]);
      assert.deepEqual(stateCommandsOn(`${row}.verified`), [COMMANDS.reopen]);
    }
  });

  it('offers to plan a provider on missing providers, and by name on multi-provider packages', () => {
    assert.deepEqual(stateCommandsOn('missingProvider'), [COMMANDS.planProvider]);
    assert.deepEqual(stateCommandsOn('area.providers'), [COMMANDS.planProviderByName]);
    assert.deepEqual(stateCommandsOn('package.notStarted.multiProvider'), [COMMANDS.startAlignment, COMMANDS.planProviderByName]);
    assert.deepEqual(stateCommandsOn('package.verified.multiProvider'), [COMMANDS.reopen, COMMANDS.planProviderByName]);
    for (const other of ['folder', 'missingFile', 'area.structure', 'detail']) assert.deepEqual(stateCommandsOn(other), [], other);
  });

  it('offers Start on a PLANNED provider and Mark Verified on a COMPLETE one, nothing else on provider rows', () => {
    assert.deepEqual(stateCommandsOn('provider.planned'), [COMMANDS.startProvider]);
    assert.deepEqual(stateCommandsOn('provider.complete'), [COMMANDS.markProviderVerified]);
    for (const other of ['provider.inProgress', 'provider.verified']) assert.deepEqual(stateCommandsOn(other), [], other);
  });

  it('offers the multimodal transitions its lifecycle allows on the Multimodal row', () => {
    assert.deepEqual(stateCommandsOn('area.multimodal.none'), [COMMANDS.planMultimodal]);
    assert.deepEqual(stateCommandsOn('area.multimodal.planned'), [COMMANDS.startMultimodal]);
    assert.deepEqual(stateCommandsOn('area.multimodal.complete'), [COMMANDS.markMultimodalVerified]);
    for (const other of ['area.multimodal.inProgress', 'area.multimodal.verified']) assert.deepEqual(stateCommandsOn(other), [], other);
  });

  it('offers Align Package on every package row and Add Provider on multi-provider packages and missing providers', () => {
    assert.ok(offered(COMMANDS.alignPackage, 'package.notStarted') && offered(COMMANDS.alignPackage, 'package.verified.multiProvider'));
    assert.ok(offered(COMMANDS.addProvider, 'package.inProgress.multiProvider') && offered(COMMANDS.addProvider, 'missingProvider'));
    assert.equal(offered(COMMANDS.addProvider, 'package.inProgress'), false);
  });

  it('keeps Reveal in Editor on package rows, whatever their status', () => {
    for (const contextValue of ['package.notStarted', 'package.complete.multiProvider', 'provider.planned']) assert.ok(offered(COMMANDS.reveal, contextValue), contextValue);
    assert.equal(offered(COMMANDS.reveal, 'status.complete'), false);
  });
});

describe('package.json activation, trust and files', () => {
  it('activates on a go.mod anywhere in the workspace', () => {
    assert.deepEqual(arrayAt(manifest, 'activationEvents'), ['workspaceContains:**/go.mod']);
  });

  it('declares limited support for untrusted workspaces', () => {
    const trust = objectAt(manifest, 'capabilities', 'untrustedWorkspaces');
    assert.equal(trust['supported'], 'limited');
    assert.ok(typeof trust['description'] === 'string' && trust['description'].length > 0);
    for (const key of arrayAt(trust, 'restrictedConfigurations')) assert.ok(typeof key === 'string' && key in configured, `restricted ${String(key)}`);
  });

  it('validates .gocomply.json with the schema the build writes', () => {
    const [validation] = arrayAt(manifest, 'contributes', 'jsonValidation');
    assert.equal(field(validation, 'fileMatch'), '.gocomply.json');
    assert.equal(field(validation, 'url'), `./${SCHEMA_FILE.replace(/\\/g, '/')}`);
    const written = join(ROOT, SCHEMA_FILE);
    if (existsSync(written)) assert.deepEqual(JSON.parse(readFileSync(written, 'utf8')), editorSettingsSchema(), 'run `npm run build`');
  });

  it('points at icons that exist: an SVG for the activity bar, a 128x128 PNG for the marketplace', () => {
    const container = arrayAt(manifest, 'contributes', 'viewsContainers', 'activitybar')[0];
    assert.match(readFileSync(join(ROOT, String(field(container, 'icon'))), 'utf8'), /currentColor/);
    const png = readFileSync(join(ROOT, String(field(manifest, 'icon'))));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
