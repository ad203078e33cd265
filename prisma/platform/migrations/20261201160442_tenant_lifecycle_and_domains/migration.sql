-- CreateEnum
CREATE TYPE "SuspensionCause" AS ENUM ('ADMIN', 'PAST_DUE');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "archivedFrom" "TenantStatus",
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedFor" "SuspensionCause",
ADD COLUMN     "suspendedReason" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "pastDueSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TenantDomain" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantDomain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenantDomain_domain_key" ON "TenantDomain"("domain");

-- CreateIndex
CREATE INDEX "TenantDomain_tenantId_idx" ON "TenantDomain"("tenantId");

-- AddForeignKey
ALTER TABLE "TenantDomain" ADD CONSTRAINT "TenantDomain_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing rows: a tenant's zone is what its settings started from (settings.ts: Persian tenants report in Asia/Tehran),
-- a PAST_DUE subscription became so when its current period opened, and a tenant suspended before reasons were kept
-- was suspended by hand. (What archived tenants were before is not known: they cannot be restored.)
UPDATE "Tenant" SET "timeZone" = 'Asia/Tehran' WHERE "locale" = 'fa';
UPDATE "Subscription" SET "pastDueSince" = "currentPeriodStart" WHERE "status" = 'PAST_DUE';
UPDATE "Tenant" SET "suspendedFor" = 'ADMIN', "suspendedAt" = "updatedAt", "suspendedReason" = 'suspended before reasons were recorded' WHERE "status" = 'SUSPENDED';
