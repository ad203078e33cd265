-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('PENDING', 'READY', 'FAILED', 'DELETED');

-- CreateEnum
CREATE TYPE "ExportOrigin" AS ENUM ('REQUESTED', 'SCHEDULED', 'UPLOADED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "JobKind" ADD VALUE 'EXPORT';
ALTER TYPE "JobKind" ADD VALUE 'RESTORE';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "backupEveryHours" INTEGER,
ADD COLUMN     "backupKeep" INTEGER,
ADD COLUMN     "nextBackupAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "backupEveryHours" INTEGER,
ADD COLUMN     "backupKeep" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "ProvisioningJob" ADD COLUMN     "restoreFromId" UUID;

-- CreateTable
CREATE TABLE "TenantExport" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "jobId" UUID,
    "origin" "ExportOrigin" NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'PENDING',
    "storageKey" TEXT,
    "sizeBytes" BIGINT,
    "sha256" TEXT,
    "tables" INTEGER,
    "rows" INTEGER,
    "migration" TEXT,
    "engine" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TenantExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantRestore" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "exportId" UUID,
    "jobId" UUID NOT NULL,
    "databaseName" TEXT NOT NULL,
    "schemaName" TEXT,
    "previousDatabaseName" TEXT,
    "previousSchemaName" TEXT,
    "switchedAt" TIMESTAMP(3),
    "keepUntil" TIMESTAMP(3),
    "undoneAt" TIMESTAMP(3),
    "discardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantRestore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenantExport_jobId_key" ON "TenantExport"("jobId");

-- CreateIndex
CREATE INDEX "TenantExport_tenantId_createdAt_idx" ON "TenantExport"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TenantRestore_jobId_key" ON "TenantRestore"("jobId");

-- CreateIndex
CREATE INDEX "TenantRestore_tenantId_createdAt_idx" ON "TenantRestore"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "ProvisioningJob" ADD CONSTRAINT "ProvisioningJob_restoreFromId_fkey" FOREIGN KEY ("restoreFromId") REFERENCES "TenantExport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantExport" ADD CONSTRAINT "TenantExport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantExport" ADD CONSTRAINT "TenantExport_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ProvisioningJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRestore" ADD CONSTRAINT "TenantRestore_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRestore" ADD CONSTRAINT "TenantRestore_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "TenantExport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRestore" ADD CONSTRAINT "TenantRestore_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ProvisioningJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
