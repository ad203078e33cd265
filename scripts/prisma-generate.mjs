#!/usr/bin/env node
// Assembles the tenant schema from its modules (assemble-tenant-schema.cjs), then
// generates the Prisma clients. Offline, `prisma generate` still wants a schema
// engine binary to exist (it never runs it for generation), so point it at a file
// that does when none is configured.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

try {
  // Prisma's schema WebAssembly is large: optimising it would cost V8 three times the
  // assembly's own work (0.5 s of CPU instead of 0.15 s), for a few calls.
  execFileSync(process.execPath, ['--liftoff-only', fileURLToPath(new URL('./assemble-tenant-schema.cjs', import.meta.url))], { stdio: 'inherit' });
} catch {
  process.exit(1); // the assembler said why
}
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
