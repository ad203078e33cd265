import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/platform/client';
import { tracedPostgresAdapter } from './statementHooks';
import { databaseOf } from './urls';

export type PlatformDb = PrismaClient;

export function createPlatformClient(connectionString: string, connections = 10): PlatformDb {
  const adapter = tracedPostgresAdapter(new PrismaPg({ connectionString, max: connections }), databaseOf(connectionString));
  return new PrismaClient({ adapter });
}
