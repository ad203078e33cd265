// The built-in modules of the tenant schema: folders of prisma/tenant/modules, each
// with its models (*.prisma) and a module.json ({ "description", "requires": [modules] }),
// and the selection a deployment makes of them with TENANT_MODULES.
'use strict';

const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const CORE = 'core';
/** The folder of a deployment's own models, and the source the manifest names for them: no module claims them. */
const TENANT_MODELS = 'tenant-models';

const prismaFiles = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.prisma'))
    .sort()
    .map((name) => path.join(dir, name));

/** The built-in modules in `modulesDir`, each after the modules it requires (core first, then by name). */
function readModules(modulesDir) {
  const modules = new Map(
    readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort((a, b) => Number(b === CORE) - Number(a === CORE) || a.localeCompare(b))
      .map((name) => {
        const dir = path.join(modulesDir, name);
        const { description = '', requires = [] } = JSON.parse(readFileSync(path.join(dir, 'module.json'), 'utf8'));
        return [name, { name, description, requires, files: prismaFiles(dir) }];
      }),
  );
  const ordered = new Set();
  const place = (module, requiredBy = []) => {
    if (ordered.has(module)) return;
    if (requiredBy.includes(module.name)) throw new Error(`modules require each other: ${[...requiredBy, module.name].join(' -> ')}`);
    for (const name of module.requires) {
      if (!modules.has(name)) throw new Error(`module "${module.name}" requires "${name}", which is not a module`);
      place(modules.get(name), [...requiredBy, module.name]);
    }
    ordered.add(module);
  };
  for (const module of modules.values()) place(module);
  return [...ordered];
}

/**
 * The modules of `modulesDir` that `selection` (TENANT_MODULES: names, comma-separated;
 * unset or empty: all) selects, core always among them, each after those it requires.
 * Refused when one lacks a module it requires.
 */
function selectModules(modulesDir, selection) {
  const modules = readModules(modulesDir);
  const known = new Map(modules.map((m) => [m.name, m]));
  const names = (selection ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!known.has(name)) throw new Error(`TENANT_MODULES names "${name}", which is not a module; the modules are ${[...known.keys()].join(', ')}`);
  }
  const selected = names.length ? modules.filter((m) => m.name === CORE || names.includes(m.name)) : modules;
  for (const module of selected) {
    for (const required of module.requires) {
      if (!selected.some((m) => m.name === required)) {
        throw new Error(`module "${module.name}" requires module "${required}": add "${required}" to TENANT_MODULES, or leave "${module.name}" out`);
      }
    }
  }
  return selected;
}

module.exports = { selectModules, prismaFiles, TENANT_MODELS };
