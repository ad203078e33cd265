#!/usr/bin/env node
// Assembles the tenant schema from modules: the built-in modules a deployment selects
// (prisma/tenant/modules/<module>/*.prisma, chosen by TENANT_MODULES; tenant-modules.cjs)
// and its own models (tenant-models/*.prisma, or the folder TENANT_MODELS_DIR names).
// It writes prisma/tenant/schema.prisma and its MySQL twin prisma/tenant-mysql/schema.prisma,
// derived by rule (mysql-twin.cjs); run as a script (`npm run generate` does), also
// src/generated/tenantModules.json: the modules selected, and the source of each model.
//
// A module file declares the side of a relation that holds the foreign key; the back
// relation on a model of another module (Customer.invoices) is added here by Prisma's
// own completion, the one `prisma format` does, which names it after the model
// (camelCase, plural for a list); a named relation's back relation is named after the
// relation (named-back-relations.cjs).
'use strict';

const { existsSync, readFileSync, mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { format } = require('@prisma/prisma-schema-wasm');
const { readDatamodel } = require('./datamodel.cjs');
const { mysqlTwinBody } = require('./mysql-twin.cjs');
const { withNamedBackRelations } = require('./named-back-relations.cjs');
const { projectDir, schemaDir } = require('./prisma-dirs.cjs');
const { TENANT_MODELS, prismaFiles, selectModules } = require('./tenant-modules.cjs');

const GENERATED = (modules) => `// Generated: do not edit by hand. Assembled from the modules selected in
// prisma/tenant/modules and the deployment's own models (tenant-models/, or
// TENANT_MODELS_DIR): edit those, then \`npm run generate\` (or \`npm run
// migration:create -- tenant <name>\`) writes this file again.
// Modules: ${modules.join(', ')}.
`;

const HEADERS = {
  postgresql: `// A tenant's own database (or schema): its catalogue, customers, invoices,
// payments, stock and books. Every tenant has the same shape; nothing here
// names the tenant, so isolation is by construction: a row is in one tenant's
// database or it is not there at all.

generator client {
  provider            = "prisma-client"
  output              = "../../src/generated/tenant"
  moduleFormat        = "cjs"
  importFileExtension = ""
  compilerBuild       = "small"
}

datasource db {
  provider = "postgresql"
}
`,
  mysql: `// The tenant schema for tenants on MySQL 8 or MariaDB: the models, fields and Prisma
// types of ../tenant/schema.prisma, with MySQL's column types, derived by rule: ids
// (@db.Uuid) are CHAR(36); free text is TEXT, as unlimited as PostgreSQL's TEXT, and
// VARCHAR(191) (Prisma's MySQL default) where MySQL must index it.

generator client {
  provider            = "prisma-client"
  output              = "../../src/generated/tenant-mysql"
  moduleFormat        = "cjs"
  importFileExtension = ""
  compilerBuild       = "small"
}

datasource db {
  provider = "mysql"
}
`,
};

const FORMAT_OPTIONS = JSON.stringify({ textDocument: { uri: 'file:/schema.prisma' }, options: { tabSize: 2, insertSpaces: true } });

/** Where a file is, for messages: relative to the working folder when under it. */
const shown = (file) => (path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file));

const BLOCK = /^\s*(\w+)\s+(\w+)\s*\{/gm;

/** The models and enums a file declares; anything else (a generator, a datasource) is refused. */
function declarations(file, text) {
  return [...text.matchAll(BLOCK)].map(([, keyword, name]) => {
    if (keyword !== 'model' && keyword !== 'enum') {
      throw new Error(`${shown(file)}: ${keyword} ${name}: only models and enums belong in a module's or tenant-models' files (the generator and datasource are the assembled schema's)`);
    }
    return { keyword, name };
  });
}

/** The files as `prisma format` leaves them: missing back relations completed, fields aligned. */
function prismaFormat(files) {
  const formatted = new Map(JSON.parse(format(JSON.stringify(files.map((f) => [f.path, f.text])), FORMAT_OPTIONS)));
  return files.map((file) => ({ ...file, text: formatted.get(file.path) }));
}

/** The datamodel of schema files; refused with Prisma's messages, which name the file and line. */
function datamodelOf(files, what) {
  try {
    return readDatamodel(files.map((f) => [f.path, f.text]));
  } catch (error) {
    throw new Error(`${what} is not a valid Prisma schema:\n${error.message}`);
  }
}

/**
 * The tenant schemas for the modules `selection` names (TENANT_MODULES' syntax; unset:
 * all) and the models in `modelsDir`: the PostgreSQL and MySQL schema texts, and the
 * manifest (modules selected, the module of each model and enum).
 */
function assembleTenantSchema({ modulesDir, modelsDir, selection }) {
  const modules = selectModules(modulesDir, selection);
  const sources = [
    ...modules.flatMap((module) => module.files.map((file) => ({ file, source: module.name }))),
    ...(existsSync(modelsDir) ? prismaFiles(modelsDir) : []).map((file) => ({ file, source: TENANT_MODELS })),
  ];
  const declaredIn = new Map();
  const files = sources.map(({ file, source }) => {
    const text = readFileSync(file, 'utf8');
    const declared = declarations(file, text);
    for (const { keyword, name } of declared) {
      const earlier = declaredIn.get(name);
      if (earlier) throw new Error(`${keyword} ${name} is declared twice: in ${shown(earlier.file)} and in ${shown(file)}`);
      declaredIn.set(name, { file, source, keyword });
    }
    return { path: shown(file), label: `${source === TENANT_MODELS ? TENANT_MODELS : `module ${source}`}: ${path.basename(file)}`, text };
  });

  const header = { path: 'the tenant schema header', text: HEADERS.postgresql };
  const completed = prismaFormat([header, ...withNamedBackRelations(files)]).slice(1);
  const datamodel = datamodelOf([header, ...completed], 'the tenant schema');

  const generated = GENERATED(modules.map((m) => m.name));
  const body = completed.map((f) => `// ---- ${f.label}\n\n${f.text.trim()}\n`).join('\n');
  const postgresql = `${generated}//\n${HEADERS.postgresql}\n${body}`;
  const [mysqlFile] = prismaFormat([{ path: 'the MySQL tenant schema', text: `${HEADERS.mysql}\n${mysqlTwinBody(body, datamodel)}` }]);
  datamodelOf([mysqlFile], 'the MySQL tenant schema derived by rule');
  const mysql = `${generated}//\n${mysqlFile.text}`;

  const sourceOf = (keyword) => Object.fromEntries([...declaredIn].filter(([, d]) => d.keyword === keyword).map(([name, d]) => [name, d.source]));
  const manifest = {
    modules: modules.map(({ name, description, requires }) => ({ name, description, requires })),
    models: sourceOf('model'),
    enums: sourceOf('enum'),
  };
  return { postgresql, mysql, manifest };
}

/** The sources the settings name: the modules of prisma/tenant, TENANT_MODULES, and TENANT_MODELS_DIR (default tenant-models/). */
function tenantSchemaSources(env = process.env) {
  return {
    modulesDir: path.join(schemaDir('tenant'), 'modules'),
    modelsDir: env.TENANT_MODELS_DIR ? path.resolve(env.TENANT_MODELS_DIR) : path.join(projectDir, TENANT_MODELS),
    selection: env.TENANT_MODULES,
  };
}

/** Assembles from the settings and writes both tenant schemas. */
function writeTenantSchemas(env = process.env) {
  const sources = tenantSchemaSources(env);
  if (env.TENANT_MODELS_DIR && !existsSync(sources.modelsDir)) throw new Error(`TENANT_MODELS_DIR names ${sources.modelsDir}, which does not exist`);
  const assembled = assembleTenantSchema(sources);
  writeFileSync(path.join(schemaDir('tenant'), 'schema.prisma'), assembled.postgresql);
  writeFileSync(path.join(schemaDir('tenant-mysql'), 'schema.prisma'), assembled.mysql);
  return assembled;
}

module.exports = { assembleTenantSchema, tenantSchemaSources, writeTenantSchemas };

if (require.main === module) {
  const started = performance.now();
  try {
    const { manifest } = writeTenantSchemas();
    const file = path.join(projectDir, 'src/generated/tenantModules.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    const own = Object.values(manifest.models).filter((source) => source === TENANT_MODELS).length;
    console.log(`tenant schema: modules ${manifest.modules.map((m) => m.name).join(', ')}; ${own} model${own === 1 ? '' : 's'} of tenant-models (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
