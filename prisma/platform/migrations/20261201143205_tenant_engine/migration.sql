-- CreateEnum
CREATE TYPE "TenantEngine" AS ENUM ('POSTGRESQL', 'MYSQL');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "engine" "TenantEngine" NOT NULL DEFAULT 'POSTGRESQL';
