// Lets the Prisma CLI work on the database of one tenant on MySQL or MariaDB:
//   TENANT_DATABASE_URL=mysql://... npx prisma migrate status --config prisma/tenant-mysql/prisma.config.ts
// The gateway applies these migrations itself, in-process; both record them the same way.
import { defineConfig } from 'prisma/config';

const url = process.env.TENANT_DATABASE_URL;

export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  // Only `generate` runs without a database, so the URL is optional here.
  ...(url ? { datasource: { url } } : {}),
});
