import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/platform/client';

export type PlatformDb = PrismaClient;

export function createPlatformClient(connectionString: string, connections = 10): PlatformDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: connections }) });
}
