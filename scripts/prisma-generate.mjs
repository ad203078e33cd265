#!/usr/bin/env node
// Generates both Prisma clients. Offline, `prisma generate` still wants a schema
// engine binary to exist (it never runs it for generation), so point it at a file
// that does when none is configured.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('../package.json', import.meta.url));
for (const schema of ['platform', 'tenant', 'tenant-mysql']) {
  execFileSync('npx', ['prisma', 'generate', '--config', `prisma/${schema}/prisma.config.ts`], { stdio: 'inherit', env });
}

// The tenant model the graph is generated from (scripts/tenant-model.cjs).
const require = createRequire(import.meta.url);
const { readDatamodel } = require('./datamodel.cjs');
const { tenantModel } = require('./tenant-model.cjs');
const root = fileURLToPath(new URL('..', import.meta.url));
const modulesFile = path.join(root, 'src/generated/tenantModules.json');
const modules = existsSync(modulesFile) ? JSON.parse(readFileSync(modulesFile, 'utf8')).models ?? {} : {};
const model = tenantModel(readDatamodel(readFileSync(path.join(root, 'prisma/tenant/schema.prisma'), 'utf8')), modules);
writeFileSync(path.join(root, 'src/generated/tenantModel.json'), `${JSON.stringify(model, null, 1)}\n`);
