// Lets the Prisma CLI work on the platform database:
//   DATABASE_URL=postgresql://... npx prisma migrate status --config prisma/platform/prisma.config.ts
// The gateway applies these migrations itself, in-process; both record them the same way.
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  // Only `generate` runs without a database, so the URL is optional here.
  ...(url ? { datasource: { url } } : {}),
});
