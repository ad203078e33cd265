#!/usr/bin/env node
// Generates both Prisma clients. Offline, `prisma generate` still wants a schema
// engine binary to exist (it never runs it for generation), so point it at a file
// that does when none is configured.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('../package.json', import.meta.url));
for (const schema of ['platform', 'tenant', 'tenant-mysql']) {
  execFileSync('npx', ['prisma', 'generate', '--config', `prisma/${schema}/prisma.config.ts`], { stdio: 'inherit', env });
}
